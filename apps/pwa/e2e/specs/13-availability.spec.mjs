// Availability, as dispatch sees it: Alice has a personal event in her own calendar; she
// connects Google in Settings (the card states that dispatch will see her busy times, times
// only); the connect makes the API read her calendar at once, and once it has, dispatch
// opens the create form for Alice on that day and sees the busy block, then a warning for an
// overlapping slot, gone for a free one. The event's title appears nowhere on the page.
import assert from 'node:assert/strict';
import { DESKTOP, screenshot } from '../browser.mjs';
import { apiGet, apiToken, daysAhead, disconnectIntegration, integrationCard, integrationResultText, loginThroughUi } from '../helpers.mjs';
import { test } from '../fixtures.mjs';

const name = 'availability: dispatch sees a technician’s busy block in the create form';

const SECRET = 'Rendez-vous cardiologue';

/** The read a connect triggers runs in the background: wait for the block to arrive. */
async function waitForBusy(apiUrl, token, technicianId, day) {
  const query = `from=${day}T00:00:00Z&to=${day}T23:59:00Z`;
  for (let waited = 0; waited < 90_000; waited += 2_000) {
    const blocks = await apiGet(apiUrl, token, `/technicians/${technicianId}/busy?${query}`);
    if (blocks.length > 0) return blocks;
    await new Promise((resolve) => setTimeout(resolve, 2_000));
  }
  throw new Error('the busy block never reached the API');
}

test(name, async ({ stack: { pwaUrl, apiUrl, emulator }, session }) => {
  test.setTimeout(180_000);
  await emulator.reset();
  await emulator.consent('auto', 'google');
  await disconnectIntegration(apiUrl, 'alice@example.com', 'google'); // 08 leaves it to reconnect
  const day = daysAhead(4);
  const dispatch = await apiToken(apiUrl, 'dispatch@example.com');
  const alice = (await apiGet(apiUrl, dispatch, '/technicians')).find((t) => t.email === 'alice@example.com');

  // Created before she connects: the read the connect triggers is the one that sees it (a read
  // made before the event existed would leave it unseen until the next poll, 5 min here;
  // push-driven re-reads are covered by the API's availability-push tests).
  // 10:00-11:00 Paris (winter or summer alike: given in UTC from the Paris offset of that day).
  const offset = new Intl.DateTimeFormat('en', { timeZone: 'Europe/Paris', timeZoneName: 'longOffset' }).format(new Date(`${day}T12:00:00Z`)).match(/GMT([+-]\d\d:\d\d)/)[1];
  await emulator.call('POST', 'google/owner/events', {
    email: 'alice@example.com',
    event: { summary: SECRET, location: 'Hôpital', start: { dateTime: `${day}T10:00:00${offset}` }, end: { dateTime: `${day}T11:00:00${offset}` } },
  });

  await session(async (page) => {
    await loginThroughUi(page, pwaUrl, 'alice@example.com');
    await page.getByRole('link', { name: 'Paramètres' }).click();
    const card = await integrationCard(page, 'google', 'NOT_CONNECTED');
    assert.match(await card.getByTestId('availability-consent').textContent(), /les horaires seulement, jamais les titres/);
    await card.getByRole('button', { name: 'Connecter Google Agenda' }).click();
    await integrationResultText(page, 'google', 'connected');
    const connected = await integrationCard(page, 'google', 'NEEDS_CALENDAR');
    assert.ok(await connected.getByRole('switch', { name: /Montrer au planning quand je suis occupé/ }).isChecked(), 'sharing is on by default');
  }, { viewport: DESKTOP });

  await waitForBusy(apiUrl, dispatch, alice.id, day);

  await session(async (page) => {
    await loginThroughUi(page, pwaUrl, 'dispatch@example.com');
    await page.getByRole('heading', { name: 'Toutes les interventions' }).waitFor();
    await page.goto(`${pwaUrl}/interventions/new`);
    await page.getByLabel('Technicien', { exact: true }).selectOption(alice.id);
    await page.getByLabel('Fuseau horaire').selectOption('Europe/Paris');
    await page.getByLabel('Début').fill(`${day}T10:30`);
    await page.getByLabel('Fin').fill(`${day}T11:30`);
    const panel = page.getByTestId('busy-panel');
    await panel.getByTestId('busy-block').first().waitFor();
    assert.match(await panel.getByTestId('busy-block').first().textContent(), /Occupé·e 10:00–11:00 \(Google Agenda\)/);
    assert.match(await panel.textContent(), /Agenda lu pour la dernière fois à/);
    const warning = panel.getByRole('alert');
    assert.match(await warning.textContent(), /Alice .* est occupé·e de 10:00 à 11:00 dans son propre agenda/);
    assert.ok(!(await page.content()).includes(SECRET), 'the title of the personal event is nowhere on the page');
    // The technician picker offers who is free for this slot first, Alice (busy) after.
    const picker = page.getByLabel('Technicien', { exact: true });
    await picker.locator('optgroup[label="Libres sur ce créneau"] >> option', { hasText: 'Bob' }).waitFor({ state: 'attached' });
    const busyGroup = picker.locator('optgroup[label="Occupé·e·s dans leur agenda sur ce créneau"] >> option');
    assert.deepEqual(await busyGroup.allTextContents(), [alice.name]);
    assert.equal(await picker.inputValue(), alice.id, 'the chosen technician stays chosen');
    await screenshot(page, '40-availability-busy-warning');

    await page.getByLabel('Début').fill(`${day}T14:00`);
    await page.getByLabel('Fin').fill(`${day}T15:00`);
    await warning.waitFor({ state: 'detached' });
    await picker.locator('optgroup').first().waitFor({ state: 'detached' }); // everyone free at 14:00: one plain list
    assert.equal(await panel.getByTestId('busy-block').count(), 1, 'the day’s block stays listed');
  }, { viewport: DESKTOP });
});
