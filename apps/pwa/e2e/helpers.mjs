// Small steps shared by the scenarios: log in through the UI, and ask the API directly
// what the truth is (to compare it with what the page shows).
/* global document, window -- used inside page.evaluate, which runs in the browser */
import assert from 'node:assert/strict';
import AxeBuilder from '@axe-core/playwright';

export const PASSWORD = 'demo1234';

export async function loginThroughUi(page, pwaUrl, email, password = PASSWORD) {
  await page.goto(`${pwaUrl}/login`);
  await page.getByLabel(/Adresse e-mail|Email address/).fill(email);
  await page.getByLabel(/Mot de passe|Password/).fill(password);
  await page.getByRole('button', { name: /Se connecter|Log in/ }).click();
}

export async function apiToken(apiUrl, email) {
  const response = await fetch(`${apiUrl}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ email, password: PASSWORD }),
  });
  assert.equal(response.status, 200, `API login for ${email}`);
  return (await response.json()).accessToken;
}

export async function apiGet(apiUrl, token, path) {
  const response = await fetch(`${apiUrl}/api/v1${path}`, { headers: { Authorization: `Bearer ${token}` } });
  assert.equal(response.status, 200, `GET ${path}`);
  return response.json();
}

/** The ids of the intervention cards on the page. */
export async function cardIds(page) {
  return page.locator('[data-testid="intervention-card"]').evaluateAll((cards) => cards.map((c) => c.dataset.interventionId));
}

/** A `YYYY-MM-DD` a few days ahead, for datetime-local inputs. */
export function daysAhead(days) {
  return new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
}

/** Fails when the page is wider than the viewport (a phone would scroll sideways). */
export async function assertNoHorizontalScroll(page) {
  const { scrollWidth, innerWidth } = await page.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth,
    innerWidth: window.innerWidth,
  }));
  assert.ok(scrollWidth <= innerWidth, `page is ${scrollWidth}px wide in a ${innerWidth}px viewport`);
}

/** One provider's card in Settings, once it shows `state` (a row of integration-status.ts). */
export async function integrationCard(page, provider, state) {
  const card = page.locator(`[data-testid="integration-${provider}"][data-state="${state}"]`);
  await card.waitFor();
  return card;
}

/** The caller's integration for `provider` as the API sees it. */
export async function apiIntegration(apiUrl, token, provider) {
  const list = await apiGet(apiUrl, token, '/integrations');
  return list.find((integration) => integration.provider === provider);
}

/**
 * Waits for the banner the OAuth callback's redirect produces, checks that the result left the
 * URL (a reload must not repeat it), and returns the banner's text.
 */
export async function integrationResultText(page, provider, result) {
  const banner = page.locator(`[data-testid="integration-result"][data-provider="${provider}"][data-result="${result}"]`);
  await banner.waitFor();
  await page.waitForFunction(() => window.location.pathname === '/settings' && !window.location.search.includes('integration='));
  return (await banner.textContent()).replace('×', '').trim();
}

/**
 * Connects `email`'s Google Calendar without a browser (the emulator approving at once) and
 * targets its "Interventions" calendar: the setup a spec needs when connecting is not its subject.
 */
export async function connectGoogle(apiUrl, emulator, email) {
  await emulator.consent('auto', 'google');
  const token = await apiToken(apiUrl, email);
  const { url } = await apiGet(apiUrl, token, '/integrations/google/auth');
  const consent = await fetch(url, { redirect: 'manual' });
  const callback = consent.headers.get('location');
  assert.ok(callback, `consent answered ${consent.status} without a redirect`);
  const back = await fetch(new URL(new URL(callback).pathname + new URL(callback).search, apiUrl), { redirect: 'manual' });
  assert.equal(back.status, 302, 'the callback redirects to the PWA');
  assert.match(back.headers.get('location') ?? '', /result=connected/);
  const calendars = await apiGet(apiUrl, token, '/integrations/google/calendars');
  const calendarId = calendars.find((calendar) => calendar.name === 'Interventions').id;
  const saved = await fetch(`${apiUrl}/api/v1/integrations/google/settings`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
    body: JSON.stringify({ calendarId }),
  });
  assert.equal(saved.status, 200, 'calendar chosen');
}

/**
 * Disconnects `email`'s `provider` integration, leaving the calendar as it is: specs that start
 * from "not connected" must not depend on what an earlier scenario left.
 */
export async function disconnectIntegration(apiUrl, email, provider) {
  const token = await apiToken(apiUrl, email);
  const response = await fetch(`${apiUrl}/api/v1/integrations/${provider}?removeEvents=false`, {
    method: 'DELETE',
    headers: { Authorization: `Bearer ${token}` },
  });
  assert.equal(response.status, 204, `${provider} disconnected for ${email}`);
}

/** Puts the organisation's event privacy settings back (admin API), so specs do not leak them. */
export async function setEventPrivacy(apiUrl, settings) {
  const token = await apiToken(apiUrl, 'admin@example.com');
  const response = await fetch(`${apiUrl}/api/v1/admin/event-privacy`, {
    method: 'PUT',
    headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
    body: JSON.stringify(settings),
  });
  assert.equal(response.status, 200, 'event privacy saved');
}

const WCAG = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

/** axe-core on the page as it is now: no WCAG 2.1 A/AA violation, each one named if there is. */
export async function assertNoAxeViolations(page, where) {
  const { violations } = await new AxeBuilder({ page }).withTags(WCAG).analyze();
  const summary = violations.map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  assert.deepEqual(summary, [], `axe on ${where}`);
}
