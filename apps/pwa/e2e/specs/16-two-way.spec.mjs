// Two-way sync (issue 11), as people see it: Alice turns "two-way sync" on in Settings (the
// card says what it does); she moves one of her interventions in Google Calendar (the
// emulator's owner control); after the API's pull it shows in dispatch's "Calendar changes"
// inbox, with the count on the nav link, said in words on the intervention's clock; the inbox
// has no axe violation; dispatch accepts; the intervention shows the new time, the accepted
// change is listed with who decided, and Alice's card and her own list ("Mes changements
// d’agenda", read-only) say dispatch accepted her move. A second
// move, decided after dispatch changed the intervention, shows the 409 as what to do; the admin
// sets the policy.
import assert from 'node:assert/strict';
import { DESKTOP, MOBILE, screenshot } from '../browser.mjs';
import { apiGet, apiIntegration, apiToken, assertNoAxeViolations, assertNoHorizontalScroll, connectGoogle, disconnectIntegration, integrationCard, loginThroughUi } from '../helpers.mjs';
import { test } from '../fixtures.mjs';

const name = 'two-way: a move in Google Calendar reaches dispatch’s inbox, accepted, the intervention follows';

const TITLE = 'Réparation chaudière (deux sens)';
const ZONE = 'Europe/Paris';
/** The pull runs every 2 s in the e2e API (servers.mjs), the inbox polls every 3 s: well within this. */
const PULL_AND_PAGE_MS = 20_000;

const hhmm = (date) => new Intl.DateTimeFormat('fr-FR', { timeZone: ZONE, hour: '2-digit', minute: '2-digit' }).format(date);

async function createForAlice(apiUrl, dispatch, aliceId, start) {
  const response = await fetch(`${apiUrl}/api/v1/interventions`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${dispatch}`, 'Content-Type': 'application/json' },
    body: JSON.stringify({
      title: TITLE,
      clientName: 'Mme Petit',
      address: '8 rue de la Paix, 75002 Paris',
      startsAt: start.toISOString(),
      endsAt: new Date(start.getTime() + 3_600_000).toISOString(),
      timeZone: ZONE,
      technicianId: aliceId,
    }),
  });
  assert.equal(response.status, 201, 'intervention created');
  return (await response.json()).id;
}

/** Our event for the intervention in Alice's Google calendar, once the worker has written it. */
async function writtenEvent(emulator) {
  for (let waited = 0; waited < 20_000; waited += 500) {
    const event = (await emulator.state()).events.find((e) => e.provider === 'google' && !e.deleted && e.body.summary === TITLE);
    if (event) return event;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error('the intervention never reached Alice’s Google calendar');
}

async function setSyncMode(apiUrl, token, syncMode) {
  const response = await fetch(`${apiUrl}/api/v1/integrations/google/settings`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
    body: JSON.stringify({ syncMode }),
  });
  assert.equal(response.status, 200, `syncMode ${syncMode}`);
}

test(name, async ({ stack: { pwaUrl, apiUrl, emulator }, session }) => {
  await emulator.reset();
  await disconnectIntegration(apiUrl, 'alice@example.com', 'google'); // earlier scenarios may leave it to reconnect
  await connectGoogle(apiUrl, emulator, 'alice@example.com');
  const alice = await apiToken(apiUrl, 'alice@example.com');
  const dispatch = await apiToken(apiUrl, 'dispatch@example.com');
  const aliceId = (await apiGet(apiUrl, dispatch, '/technicians')).find((t) => t.email === 'alice@example.com').id;

  try {
    // Alice turns two-way on in Settings; the switch says what it does.
    await session(async (page) => {
      await loginThroughUi(page, pwaUrl, 'alice@example.com');
      await page.getByRole('link', { name: 'Paramètres' }).click();
      const card = await integrationCard(page, 'google', 'SYNCING');
      const toggle = card.getByTestId('two-way-toggle');
      assert.match(await toggle.textContent(), /Les déplacements et suppressions que vous faites dans votre agenda sont envoyés au planning comme des demandes ; le planning garde la main\./);
      const twoWay = card.getByRole('switch', { name: 'Synchronisation dans les deux sens' });
      assert.equal(await twoWay.isChecked(), false, 'push by default');
      // click, not check(): the card refreshes every 2 s, and check() fails if a refresh lands
      // between the click and its own read of the box; the notice and the API below are the proof.
      await twoWay.click();
      await card.getByTestId('integration-notice').filter({ hasText: 'Synchronisation dans les deux sens activée.' }).waitFor();
      assert.equal((await apiIntegration(apiUrl, alice, 'google')).syncMode, 'two-way');
      assert.equal(await page.getByTestId('integration-caldav').getByTestId('two-way-toggle').count(), 0, 'never for CalDAV');
      await screenshot(page, '70-two-way-switch');
    }, { viewport: DESKTOP });

    // An intervention of Alice's in three days, 09:00–10:00 UTC; she moves it four hours later in Google Calendar.
    const start = new Date(Date.now() + 3 * 86_400_000);
    start.setUTCHours(9, 0, 0, 0);
    const id = await createForAlice(apiUrl, dispatch, aliceId, start);
    const event = await writtenEvent(emulator);
    const newStart = new Date(start.getTime() + 4 * 3_600_000);
    const newEnd = new Date(newStart.getTime() + 3_600_000);
    await emulator.call('PATCH', `google/owner/events/${encodeURIComponent(event.calendarId)}/${encodeURIComponent(event.id)}`, {
      start: { dateTime: newStart.toISOString() },
      end: { dateTime: newEnd.toISOString() },
    });

    await session(async (page) => {
      await loginThroughUi(page, pwaUrl, 'dispatch@example.com');
      const link = page.getByTestId('nav-calendar-changes');
      await link.getByTestId('calendar-changes-count').filter({ hasText: /^1$/ }).waitFor({ timeout: PULL_AND_PAGE_MS });
      assert.match(await link.textContent(), /Changements d’agenda1 \(1 changement en attente\)/);
      await link.click();
      await page.getByRole('heading', { name: 'Changements d’agenda' }).waitFor();
      const row = page.locator(`[data-testid="calendar-change"][data-status="open"]`).filter({ hasText: TITLE });
      await row.waitFor();
      const sentence = await row.getByTestId('calendar-change-sentence').textContent();
      const from = `${hhmm(start)}–${hhmm(new Date(start.getTime() + 3_600_000))}`;
      const to = `${hhmm(newStart)}–${hhmm(newEnd)}`;
      assert.match(sentence, new RegExp(`^Alice Martin a déplacé « ${TITLE.replace(/[()]/g, '\\$&')} » du .+, ${from} au .+, ${to} dans Google Agenda\\.$`));
      await screenshot(page, '71-calendar-changes-inbox');

      await assertNoAxeViolations(page, 'the inbox');

      await row.getByRole('button', { name: 'Accepter' }).click();
      await page.getByTestId('calendar-changes-notice').filter({ hasText: `Accepté : « ${TITLE} ».` }).waitFor();
      await row.waitFor({ state: 'detached' });
      await link.getByTestId('calendar-changes-count').waitFor({ state: 'detached' });

      // The decided ones, with who decided.
      await page.getByLabel('Afficher').selectOption('accepted');
      const accepted = page.locator('[data-testid="calendar-change"][data-status="accepted"]').filter({ hasText: TITLE });
      assert.match(await accepted.getByTestId('calendar-change-outcome').textContent(), /^Accepté par Dominique Dispatch le .+ : l’intervention a été replanifiée\.$/);

      // The intervention took the new time.
      const intervention = await apiGet(apiUrl, dispatch, `/interventions/${id}`);
      assert.equal(Date.parse(intervention.startsAt), newStart.getTime());
      await page.getByRole('link', { name: 'Interventions' }).click();
      const card = page.locator(`[data-intervention-id="${id}"]`);
      // (The cached list shows first, then its refetch.)
      await card.locator('.card-time time').filter({ hasText: new RegExp(`^${hhmm(newStart)} – ${hhmm(newEnd)}$`) }).waitFor();
    }, { viewport: DESKTOP });

    // Alice sees where her change stands on her intervention.
    await session(async (page) => {
      await loginThroughUi(page, pwaUrl, 'alice@example.com');
      const state = page.locator(`[data-intervention-id="${id}"] [data-testid="calendar-change-state"]`);
      await state.waitFor();
      assert.equal(await state.getAttribute('data-status'), 'accepted');
      assert.match(await state.textContent(), /Le planning a accepté votre déplacement\./);
      assert.equal(await page.getByTestId('nav-calendar-changes').count(), 0, 'no inbox for technicians');
      await screenshot(page, '72-technician-change-accepted');
      // Her own changes, read-only: what she did and what dispatch decided.
      await page.getByTestId('nav-own-calendar-changes').click();
      await page.getByRole('heading', { name: 'Mes changements d’agenda' }).waitFor();
      const own = page.locator('[data-testid="calendar-change"][data-status="accepted"]').filter({ hasText: TITLE });
      assert.match(await own.getByTestId('calendar-change-outcome').textContent(), /^Accepté par Dominique Dispatch le .+ : l’intervention a été replanifiée\.$/);
      assert.equal(await page.getByRole('button', { name: 'Accepter' }).count(), 0, 'nothing to decide for a technician');
      await assertNoAxeViolations(page, 'a technician’s own changes');
    }, { viewport: DESKTOP });

    // She moves it again; dispatch changes the intervention meanwhile: accepting answers 409,
    // shown as what to do, and the change stays open in the list.
    const later = new Date(newStart.getTime() + 2 * 3_600_000);
    await emulator.call('PATCH', `google/owner/events/${encodeURIComponent(event.calendarId)}/${encodeURIComponent(event.id)}`, {
      start: { dateTime: later.toISOString() },
      end: { dateTime: new Date(later.getTime() + 3_600_000).toISOString() },
    });
    await session(async (page) => {
      await loginThroughUi(page, pwaUrl, 'dispatch@example.com');
      await page.getByTestId('nav-calendar-changes').click();
      const row = page.locator(`[data-testid="calendar-change"][data-status="open"]`).filter({ hasText: TITLE });
      await row.waitFor({ timeout: PULL_AND_PAGE_MS });
      const edited = await fetch(`${apiUrl}/api/v1/interventions/${id}`, {
        method: 'PATCH',
        headers: { Authorization: `Bearer ${dispatch}`, 'Content-Type': 'application/json' },
        body: JSON.stringify({ description: 'Bring the spare valve' }),
      });
      assert.equal(edited.status, 200, 'intervention changed meanwhile');
      await row.getByRole('button', { name: 'Accepter' }).click();
      const conflict = page.getByTestId('calendar-changes-conflict');
      await conflict.waitFor();
      assert.equal(await conflict.textContent(), 'L’intervention a changé depuis cette demande : regardez-la à nouveau, puis décidez.');
      await row.waitFor(); // still open: nothing was decided
      // Looking again is one click away.
      assert.equal(await row.getByRole('link', { name: 'Voir l’intervention' }).getAttribute('href'), `/interventions/${id}/edit`);
      await screenshot(page, '73-calendar-change-conflict');
      // On a phone: the inbox and its nav fit the screen.
      await page.setViewportSize(MOBILE);
      await assertNoHorizontalScroll(page);
      await screenshot(page, '74-calendar-changes-phone');
    }, { viewport: DESKTOP });

    // The admin's policy: one sentence per choice, saved.
    await session(async (page) => {
      await loginThroughUi(page, pwaUrl, 'admin@example.com');
      await page.getByRole('link', { name: 'Administration' }).click();
      const form = page.getByTestId('change-policy-form');
      assert.ok(await form.getByRole('radio', { name: 'Proposer au planning' }).isChecked(), 'propose by default');
      assert.match(await form.textContent(), /L’événement est remis en place tout de suite ; le technicien voit pourquoi sur son intervention\./);
      await form.getByRole('radio', { name: 'Remettre l’événement en place' }).check();
      await form.getByRole('button', { name: 'Enregistrer' }).click();
      await page.getByTestId('change-policy-notice').filter({ hasText: 'Règle enregistrée.' }).waitFor();
      const admin = await apiToken(apiUrl, 'admin@example.com');
      assert.deepEqual(await apiGet(apiUrl, admin, '/admin/calendar-change-policy'), { policy: 'revert' });
      await form.getByRole('radio', { name: 'Proposer au planning' }).check();
      await form.getByRole('button', { name: 'Enregistrer' }).click();
      await page.getByTestId('change-policy-notice').filter({ hasText: 'Règle enregistrée.' }).waitFor();
      assert.deepEqual(await apiGet(apiUrl, admin, '/admin/calendar-change-policy'), { policy: 'propose' });
    }, { viewport: DESKTOP });
  } finally {
    await setSyncMode(apiUrl, alice, 'push').catch(() => undefined);
    await disconnectIntegration(apiUrl, 'alice@example.com', 'google');
  }
});
