// The admin page: every technician's calendar integrations (who must reconnect first) and
// the event privacy settings; a technician's Settings then says what their events show.
// Technicians get no admin link, and the page refuses them.
import assert from 'node:assert/strict';
import { DESKTOP, MOBILE, screenshot } from '../browser.mjs';
import { apiToken, assertNoHorizontalScroll, connectGoogle, loginThroughUi, setEventPrivacy } from '../helpers.mjs';
import { test } from '../fixtures.mjs';

const DEFAULTS = { clientName: false, clientPhone: false, address: true, notes: false };

test('admin: integrations overview (who must reconnect) and what calendar events contain', async ({ stack: { pwaUrl, apiUrl, emulator }, session }) => {
  await emulator.reset();
  await setEventPrivacy(apiUrl, DEFAULTS);
  await connectGoogle(apiUrl, emulator, 'alice@example.com');
  await connectGoogle(apiUrl, emulator, 'bob@example.com');
  await emulator.revokeGrant('google', 'bob@example.com');
  await emulator.expireTokens('google', 'bob@example.com');
  // Bob's next call finds the grant gone: his integration needs a reconnect.
  const bob = await fetch(`${apiUrl}/api/v1/integrations/google/calendars`, {
    headers: { Authorization: `Bearer ${await apiToken(apiUrl, 'bob@example.com')}` },
  });
  assert.equal(bob.status, 409);

  await session(async (page) => {
    await loginThroughUi(page, pwaUrl, 'admin@example.com');
    await page.getByRole('link', { name: 'Administration' }).click();
    await page.getByRole('heading', { name: 'Administration', level: 1 }).waitFor();
    const table = page.getByRole('table', { name: 'Connexions calendrier de chaque personne' });
    await table.waitFor();
    const rows = table.getByTestId('admin-integration-row');
    // Who must reconnect comes first, said in words (not colour alone).
    assert.equal(await rows.first().getAttribute('data-attention'), 'reconnect');
    assert.match(await rows.first().textContent(), /Bob Durand.*Google Agenda.*À reconnecter.*Doit reconnecter.*Accès retiré chez le fournisseur/s);
    const alice = rows.filter({ hasText: 'Alice Martin' });
    assert.match(await alice.textContent(), /Connecté/);
    await screenshot(page, '40-admin-desktop');

    // What events contain: add the client's name, save.
    const form = page.getByTestId('event-privacy-form');
    assert.ok(await form.getByLabel('adresse').isChecked());
    assert.ok(!(await form.getByLabel('nom du client').isChecked()));
    await form.getByLabel('nom du client').check();
    await form.getByRole('button', { name: 'Enregistrer' }).click();
    await page.getByTestId('event-privacy-notice').filter({ hasText: 'Enregistré' }).waitFor();
  }, { viewport: DESKTOP });

  await session(async (page) => {
    await loginThroughUi(page, pwaUrl, 'alice@example.com');
    await page.getByRole('heading', { name: 'Mes interventions' }).waitFor();
    assert.equal(await page.getByRole('link', { name: 'Administration' }).count(), 0, 'no admin link for a technician');
    await page.getByRole('link', { name: 'Paramètres' }).click();
    const shared = page.getByTestId('shared-in-events');
    await shared.waitFor();
    assert.equal(await shared.getByTestId('shared-list').textContent(), 'Vos événements de calendrier montrent : titre et horaires, nom du client, adresse.');
    assert.equal(await shared.getByTestId('withheld-list').textContent(), 'Jamais envoyé : téléphone du client, notes (description).');
    await assertNoHorizontalScroll(page);
    await screenshot(page, '41-settings-shared-mobile');

    await page.goto(`${pwaUrl}/admin`);
    await page.getByRole('alert').filter({ hasText: 'Vous n’avez pas le droit' }).waitFor();
  }, { viewport: MOBILE });
  await setEventPrivacy(apiUrl, DEFAULTS);
});
