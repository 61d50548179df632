// The company-wide connection: the admin connects the company's Microsoft 365 once (admin
// consent on the emulator's page, then back to /admin), sees which technicians it reaches,
// and a technician's Settings card says their calendar is managed by the company.
import assert from 'node:assert/strict';
import { DESKTOP, screenshot } from '../browser.mjs';
import { apiToken, assertNoAxeViolations, loginThroughUi } from '../helpers.mjs';
import { test } from '../fixtures.mjs';

/** Disconnects the company's Microsoft 365 and puts its coverage back to everyone (settings outlive a disconnect). */
async function disconnectOrganisation(apiUrl) {
  const settings = await fetch(`${apiUrl}/api/v1/admin/organisation-connections/microsoft/settings`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${await apiToken(apiUrl, 'admin@example.com')}`, 'Content-Type': 'application/json' },
    body: JSON.stringify({ coverAll: true, calendarName: null }),
  });
  assert.equal(settings.status, 200, 'coverage back to everyone');
  const response = await fetch(`${apiUrl}/api/v1/admin/organisation-connections/microsoft`, {
    method: 'DELETE',
    headers: { Authorization: `Bearer ${await apiToken(apiUrl, 'admin@example.com')}` },
  });
  assert.equal(response.status, 204, 'organisation disconnected');
}

test('org-wide: the admin connects Microsoft 365 for the company and sees the technicians it reaches', async ({ stack: { pwaUrl, apiUrl, emulator }, session }) => {
  await emulator.reset();
  await disconnectOrganisation(apiUrl);
  try {
    await session(async (page) => {
      await loginThroughUi(page, pwaUrl, 'admin@example.com');
      await page.getByRole('link', { name: 'Administration' }).click();
      const card = page.getByTestId('organisation-microsoft');
      await card.waitFor();
      assert.equal(await card.getByTestId('organisation-status').textContent(), 'Déconnecté');
      await card.getByRole('button', { name: 'Connecter Microsoft 365' }).click();
      // Microsoft's admin consent (the emulator approves), then back to the admin page.
      await page.waitForURL((url) => url.pathname === '/admin' && url.searchParams.get('result') === 'connected');
      await page.getByTestId('organisation-result').filter({ hasText: 'Les calendriers de l’entreprise sont connectés.' }).waitFor();
      const connected = page.getByTestId('organisation-microsoft');
      await connected.getByTestId('organisation-status').filter({ hasText: 'Connecté' }).waitFor();
      const table = page.getByRole('table', { name: 'Techniciens couverts par la connexion de l’entreprise' });
      await table.waitFor();
      for (const name of ['Alice Martin', 'Bob Durand']) {
        assert.match(await table.getByRole('row').filter({ hasText: name }).textContent(), /Synchronisé/);
      }
      await screenshot(page, '60-admin-org-wide-connected');

      // Coverage: only the technicians ticked; Bob left out is listed "not included".
      const form = connected.getByTestId('organisation-settings-microsoft');
      await form.getByLabel('Seulement les techniciens cochés ci-dessous').check();
      await form.getByLabel('Bob Durand').uncheck();
      await form.getByRole('button', { name: 'Enregistrer la couverture' }).click();
      await form.getByRole('status').filter({ hasText: 'Enregistré' }).waitFor();
      await table.getByRole('row').filter({ hasText: 'Bob Durand' }).filter({ hasText: 'Non inclus' }).waitFor();
      assert.match(await table.getByRole('row').filter({ hasText: 'Alice Martin' }).textContent(), /Synchronisé/);
      await assertNoAxeViolations(page, 'the admin page with the company connected');
    }, { viewport: DESKTOP });

    await session(async (page) => {
      await loginThroughUi(page, pwaUrl, 'alice@example.com');
      await page.getByRole('link', { name: 'Paramètres' }).click();
      const card = page.getByTestId('integration-microsoft');
      await card.getByTestId('integration-status').filter({ hasText: 'Géré par votre entreprise' }).waitFor();
      assert.match(await card.getByTestId('integration-hint').textContent(), /Votre entreprise connecte .* « Calendar » \(alice@example\.com\)/);
      assert.equal(await card.getByRole('button', { name: /Connecter/ }).count(), 0, 'no connect button on a managed card');
    });
  } finally {
    await disconnectOrganisation(apiUrl);
  }
});
