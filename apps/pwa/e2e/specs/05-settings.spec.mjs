// The settings page: account details, the calendar integrations section, and the banner
// shown when an OAuth callback redirects back with a result (once: it leaves the URL).
import assert from 'node:assert/strict';
import { DESKTOP, MOBILE, screenshot } from '../browser.mjs';
import { assertNoHorizontalScroll, integrationResultText, loginThroughUi, PASSWORD } from '../helpers.mjs';
import { test } from '../fixtures.mjs';

const name = 'settings: integrations section and OAuth result banner';

test(name, async ({ stack: { pwaUrl }, session }) => {
  await session(async (page) => {
    // Arriving logged out keeps the query string through the login.
    await page.goto(`${pwaUrl}/settings?integration=google&result=error&reason=ACCESS_DENIED`);
    await page.waitForURL('**/login');
    await page.getByLabel('Adresse e-mail').fill('alice@example.com');
    await page.getByLabel('Mot de passe').fill(PASSWORD);
    await page.getByRole('button', { name: 'Se connecter' }).click();
    await page.getByRole('heading', { name: 'Paramètres' }).waitFor();

    const panel = page.getByTestId('integrations-panel');
    await panel.waitFor();
    await panel.getByRole('heading', { name: 'Intégrations calendrier' }).waitFor();
    const banner = page.getByTestId('integration-result');
    assert.equal(await integrationResultText(page, 'google', 'error'), "La connexion à Google Agenda a échoué : vous avez refusé l’accès. Pour relier votre calendrier, cliquez de nouveau sur «\u00a0Connecter\u00a0» et acceptez la demande d’accès.");
    assert.match(await page.getByTestId('account-panel').textContent(), /alice@example\.com.*Technicien.*Europe\/Paris/s);
    await assertNoHorizontalScroll(page);
    await screenshot(page, '10-settings-error-mobile');

    await banner.getByRole('button').click();
    await banner.waitFor({ state: 'detached' });

    await page.goto(`${pwaUrl}/settings?integration=microsoft&result=connected`);
    assert.equal(await integrationResultText(page, 'microsoft', 'connected'), 'Microsoft Outlook est connecté.');
    // The result already left the URL: a reload does not announce it again.
    await page.reload();
    await page.getByTestId('integrations-panel').waitFor();
    assert.equal(await page.getByTestId('integration-result').count(), 0);
  }, { viewport: MOBILE });

  await session(async (page) => {
    await loginThroughUi(page, pwaUrl, 'dispatch@example.com');
    await page.getByRole('link', { name: 'Paramètres' }).click();
    await page.getByTestId('integrations-panel').waitFor();
    await screenshot(page, '11-settings-desktop');
  }, { viewport: DESKTOP });
});
