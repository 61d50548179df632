// Sync a person can see (issue 10), with the real worker polling: after choosing a calendar
// the card shows the sending progress, never "appear in" before the first event is written;
// a provider refusal turns the intervention's badge to "not in calendar" and the card to a
// sync problem without a reload; "retry" on the badge writes the event once; a grant revoked
// at Google turns an open Settings page to "reconnect" within 5 s.
import assert from 'node:assert/strict';
import { DESKTOP, screenshot } from '../browser.mjs';
import { apiIntegration, apiToken, disconnectIntegration, integrationCard, integrationResultText, loginThroughUi } from '../helpers.mjs';
import { test } from '../fixtures.mjs';

const name = 'sync visibility: progress, failed badge + retry, reconnect within 5 s';

const LIVE_MS = 5_000;
/** The worker polls every 2 s (SYNC_POLL_INTERVAL_MS): its turn, then the page's next poll. */
const WORKER_AND_PAGE_MS = 2_000 + LIVE_MS;

async function createForAlice(apiUrl, title) {
  const dispatch = await apiToken(apiUrl, 'dispatch@example.com');
  const alice = await apiToken(apiUrl, 'alice@example.com');
  const me = await (await fetch(`${apiUrl}/api/v1/auth/me`, { headers: { Authorization: `Bearer ${alice}` } })).json();
  const start = new Date(Date.now() + 2 * 86_400_000);
  start.setUTCHours(8, 0, 0, 0);
  const response = await fetch(`${apiUrl}/api/v1/interventions`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${dispatch}`, 'Content-Type': 'application/json' },
    body: JSON.stringify({
      title,
      clientName: 'M. Bernard',
      address: '5 rue Victor Hugo, 33000 Bordeaux',
      startsAt: start.toISOString(),
      endsAt: new Date(start.getTime() + 3_600_000).toISOString(),
      timeZone: 'Europe/Paris',
      technicianId: me.id,
    }),
  });
  assert.equal(response.status, 201, 'intervention created');
  return (await response.json()).id;
}

test(name, async ({ stack: { pwaUrl, apiUrl, emulator }, session }) => {
  await emulator.reset();
  await emulator.consent('auto', 'google');
  const token = await apiToken(apiUrl, 'alice@example.com');
  await disconnectIntegration(apiUrl, 'alice@example.com', 'google');

  await session(async (page) => {
    await loginThroughUi(page, pwaUrl, 'alice@example.com');
    await page.getByRole('link', { name: 'Paramètres' }).click();
    let card = await integrationCard(page, 'google', 'NOT_CONNECTED');
    await card.getByRole('button', { name: 'Connecter Google Agenda' }).click();
    await integrationResultText(page, 'google', 'connected');
    card = await integrationCard(page, 'google', 'NEEDS_CALENDAR');
    await card.getByLabel('Calendrier des interventions').selectOption({ label: 'Interventions' });
    await card.getByRole('button', { name: 'Utiliser ce calendrier' }).click();
    // The first answer already carries the run: "sending", with a progress bar, not "appear in".
    const sending = await integrationCard(page, 'google', 'SYNC_RUNNING');
    assert.match(await sending.getByTestId('integration-progress').textContent(), /^\d+ sur \d+ interventions envoyées$/);
    await screenshot(page, '60-sync-progress');
    card = await integrationCard(page, 'google', 'SYNCING');
    assert.match(await card.getByTestId('integration-health').textContent(), /Dernier envoi/);

    // A refusal Google will not change its mind about: the worker gives up on that event.
    await emulator.addFault({ provider: 'google', route: 'events.insert', status: 400, times: 1 });
    const id = await createForAlice(apiUrl, 'Refusée par Google');
    card = page.locator('[data-testid="integration-google"][data-state="SYNC_FAILED"]');
    await card.waitFor({ timeout: WORKER_AND_PAGE_MS });
    assert.match(await card.getByTestId('integration-reason').textContent(), /Google Agenda a refusé une intervention/);
    await card.getByRole('button', { name: 'Réessayer les échecs' }).waitFor();
    await screenshot(page, '61-sync-failed-card');

    // The list shows it too, and "retry" on the badge writes it once the fault is gone.
    await page.getByRole('link', { name: 'Interventions' }).click();
    const item = page.locator(`[data-intervention-id="${id}"]`);
    const failed = item.locator('[data-testid="sync-badge"][data-provider="google"][data-sync-state="failed"]');
    await failed.waitFor();
    assert.match(await failed.textContent(), /Google Agenda : Absente du calendrier/);
    await screenshot(page, '62-sync-failed-badge');
    await failed.getByRole('button', { name: 'Renvoyer « Refusée par Google » vers Google Agenda' }).click();
    await item.locator('[data-testid="sync-badge"][data-provider="google"][data-sync-state="synced"]').waitFor({ timeout: WORKER_AND_PAGE_MS });
    const events = (await emulator.state()).events.filter((e) => !e.deleted && e.body.summary === 'Refusée par Google');
    assert.equal(events.length, 1, 'written once');

    // A grant revoked at Google while Settings is open: "reconnect" within 5 s, no reload.
    await page.getByRole('link', { name: 'Paramètres' }).click();
    await integrationCard(page, 'google', 'SYNCING');
    await emulator.revokeGrant('google', 'alice@example.com');
    const revokedAt = Date.now();
    await page.locator('[data-testid="integration-google"][data-state="NEEDS_RECONNECT"]').waitFor({ timeout: LIVE_MS });
    console.log(`    reconnect shown ${Date.now() - revokedAt} ms after the revocation`);
    assert.equal((await apiIntegration(apiUrl, token, 'google')).status, 'NEEDS_RECONNECT');
    await screenshot(page, '63-reconnect-live');
  }, { viewport: DESKTOP });
});
