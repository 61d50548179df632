// CalDAV and the private ICS feed in the browser (desktop, English): a wrong app password is
// shown on the password field; the right one connects to the real Radicale, the
// "Interventions" calendar is chosen. Then the ICS feed is turned on (its link serves a
// calendar), regenerated (the old link is dead) and turned off (the link is dead).
/* global document -- used inside page.waitForFunction, which runs in the browser */
import assert from 'node:assert/strict';
import { screenshot } from '../browser.mjs';
import { apiIntegration, apiToken, integrationCard, loginThroughUi } from '../helpers.mjs';
import { CALDAV_USERS } from '../servers.mjs';
import { test } from '../fixtures.mjs';

const name = 'CalDAV connect (wrong then right password, choose calendar) and ICS feed on, regenerate, off';

test(name, async ({ stack: { pwaUrl, apiUrl, caldavUrl }, session }) => {
  const token = await apiToken(apiUrl, 'alice@example.com');
  await session(async (page) => {
    await loginThroughUi(page, pwaUrl, 'alice@example.com');
    await page.getByRole('link', { name: 'Paramètres' }).click();
    await page.getByRole('banner').getByTestId('language-switcher').selectOption('en');

    let card = await integrationCard(page, 'caldav', 'NOT_CONNECTED');
    await card.getByLabel('Calendar service').selectOption('other');
    await card.getByLabel('Server address').fill(caldavUrl);
    await card.getByLabel(/User name/).fill('alice');
    await card.getByLabel('App-specific password').fill('not-the-password');
    await card.getByRole('button', { name: 'Connect', exact: true }).click();
    const refusal = card.locator('[data-field-error="password"]');
    await refusal.waitFor();
    assert.match(await refusal.textContent(), /refused this user name and password/);
    assert.equal(await card.getByLabel('App-specific password').getAttribute('aria-invalid'), 'true');
    await screenshot(page, '60-caldav-wrong-password');

    await card.getByLabel('App-specific password').fill(CALDAV_USERS.alice);
    await card.getByRole('button', { name: 'Connect', exact: true }).click();
    card = await integrationCard(page, 'caldav', 'NEEDS_CALENDAR');
    await card.getByLabel('Calendar for interventions').selectOption({ label: 'Interventions' });
    await card.getByRole('button', { name: 'Use this calendar' }).click();
    await integrationCard(page, 'caldav', 'SYNCING');
    const truth = await apiIntegration(apiUrl, token, 'caldav');
    assert.deepEqual([truth.status, truth.accountEmail, truth.calendarName], ['CONNECTED', 'alice', 'Interventions']);
    await screenshot(page, '61-caldav-connected');

    const feed = page.getByRole('region', { name: 'Calendar subscription (ICS feed)' });
    await feed.getByText(/refreshes on the calendar app’s own schedule/).waitFor();
    assert.equal(await feed.getByTestId('ics-feed-status').textContent(), 'Off');
    await feed.getByRole('button', { name: 'Turn on the ICS feed' }).click();
    const first = await feed.getByTestId('ics-feed-url').inputValue();
    assert.equal(await feed.getByTestId('ics-feed-status').textContent(), 'On');
    const served = await fetch(first);
    assert.equal(served.status, 200);
    assert.match(served.headers.get('content-type'), /^text\/calendar/);
    assert.match(await served.text(), /BEGIN:VEVENT/);
    await screenshot(page, '62-ics-feed-on');

    await feed.getByRole('button', { name: 'New link' }).click();
    await page.getByRole('dialog', { name: 'Make a new link?' }).getByRole('button', { name: 'New link' }).click();
    await page.waitForFunction((old) => document.querySelector('[data-testid="ics-feed-url"]')?.value !== old, first);
    const second = await feed.getByTestId('ics-feed-url').inputValue();
    assert.equal((await fetch(first)).status, 404);
    assert.equal((await fetch(second)).status, 200);

    await feed.getByRole('button', { name: 'Turn off' }).click();
    await page.getByRole('dialog', { name: 'Turn off the ICS feed?' }).getByRole('button', { name: 'Turn off' }).click();
    await page.locator('[data-testid="ics-feed-panel"][data-state="off"]').waitFor();
    assert.equal((await fetch(second)).status, 404);
    await screenshot(page, '63-ics-feed-off');
  });
});
