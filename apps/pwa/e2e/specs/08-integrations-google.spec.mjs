// Google Calendar, as a technician does it: Connect, the (emulated) Google consent page, back
// in Settings connected, choose the "Interventions" calendar (the read-only one cannot be
// chosen), pause and resume sync, disconnect; then connect again, the grant is revoked on
// Google's side, and the card asks to reconnect after a reload — and reconnecting works.
/* global document -- used inside page.evaluate, which runs in the browser */
import assert from 'node:assert/strict';
import { DESKTOP, MOBILE, screenshot } from '../browser.mjs';
import { apiIntegration, apiToken, assertNoHorizontalScroll, integrationCard, integrationResultText, loginThroughUi } from '../helpers.mjs';
import { test } from '../fixtures.mjs';

const name = 'integrations: Google connect, calendar, sync switch, disconnect, revoked grant -> reconnect';

const SWITCH = 'Envoyer mes interventions vers ce calendrier';

test(name, async ({ stack: { pwaUrl, apiUrl, emulator }, session }) => {
  await emulator.reset();
  await emulator.consent('page', 'google');
  const token = await apiToken(apiUrl, 'alice@example.com');

  await session(async (page) => {
    await loginThroughUi(page, pwaUrl, 'alice@example.com');
    await page.getByRole('link', { name: 'Paramètres' }).click();
    const google = await integrationCard(page, 'google', 'NOT_CONNECTED');
    const microsoft = await integrationCard(page, 'microsoft', 'NOT_CONNECTED');
    assert.equal(await google.getByTestId('integration-status').textContent(), 'Non connecté');
    assert.equal(await microsoft.getByTestId('integration-status').textContent(), 'Non connecté');
    await screenshot(page, '20-integrations-not-connected-desktop');

    // Connect: the whole page goes to Google's consent page, alice preselected by login_hint.
    await google.getByRole('button', { name: 'Connecter Google Agenda' }).click();
    await page.getByRole('heading', { name: /Google consent/ }).waitFor();
    assert.ok(await page.getByLabel(/alice@example\.com/).isChecked(), 'login_hint preselects alice');
    await screenshot(page, '21-google-consent');
    await page.getByRole('button', { name: 'Allow' }).click();

    assert.equal(await integrationResultText(page, 'google', 'connected'), 'Google Agenda est connecté.');
    let card = await integrationCard(page, 'google', 'NEEDS_CALENDAR');
    assert.equal(await card.getByTestId('integration-status').textContent(), 'Choisissez un calendrier');
    assert.equal(await card.getByTestId('integration-account').textContent(), 'Connecté en tant que alice@example.com');

    // Only writable calendars can be chosen; the read-only one is listed, disabled, with the reason.
    const select = card.getByLabel('Calendrier des interventions');
    assert.ok(await select.locator('option', { hasText: 'Holidays (lecture seule)' }).isDisabled());
    assert.match(await card.textContent(), /lecture seule ne peuvent pas être choisis/);
    await screenshot(page, '22-google-choose-calendar-desktop');
    await select.selectOption({ label: 'Interventions' });
    // From the keyboard: focus stays on the button once the choice is saved (not lost to the page).
    await card.getByRole('button', { name: 'Utiliser ce calendrier' }).focus();
    await page.keyboard.press('Enter');
    card = await integrationCard(page, 'google', 'SYNCING');
    await card.getByTestId('integration-notice').filter({ hasText: 'Calendrier enregistré.' }).waitFor();
    assert.equal(await page.evaluate(() => document.activeElement?.textContent), 'Utiliser ce calendrier', 'focus stays on the button');
    assert.equal(await card.getByTestId('integration-hint').textContent(), 'Vos interventions apparaissent dans «\u00a0Interventions\u00a0».');
    assert.equal(await card.getByTestId('integration-notice').textContent(), 'Calendrier enregistré.');
    let truth = await apiIntegration(apiUrl, token, 'google');
    assert.deepEqual([truth.status, truth.calendarName, truth.syncEnabled], ['CONNECTED', 'Interventions', true]);

    // Pause, then resume.
    await card.getByRole('switch', { name: SWITCH }).click();
    card = await integrationCard(page, 'google', 'SYNC_PAUSED');
    assert.equal(await card.getByRole('switch', { name: SWITCH }).isChecked(), false);
    assert.equal((await apiIntegration(apiUrl, token, 'google')).syncEnabled, false);
    await screenshot(page, '23-google-sync-paused-desktop');
    // Resume from the keyboard: the switch is a native checkbox, Space toggles it.
    await card.getByRole('switch', { name: SWITCH }).focus();
    await page.keyboard.press('Space');
    card = await integrationCard(page, 'google', 'SYNCING');
    assert.equal((await apiIntegration(apiUrl, token, 'google')).syncEnabled, true);
    await card.getByTestId('integration-notice').filter({ hasText: 'Synchronisation activée.' }).waitFor();
    assert.equal(await page.evaluate(() => document.activeElement?.getAttribute('role')), 'switch', 'focus stays on the switch');

    // Disconnect, after a confirmation; focus goes back to the card.
    await card.getByRole('button', { name: 'Déconnecter Google Agenda' }).click();
    const dialog = page.getByRole('dialog', { name: 'Déconnecter Google Agenda ?' });
    await dialog.getByRole('button', { name: 'Déconnecter' }).click();
    card = await integrationCard(page, 'google', 'NOT_CONNECTED');
    assert.equal(await card.getByTestId('integration-notice').textContent(), 'Google Agenda est déconnecté.');
    assert.equal(await page.evaluate(() => document.activeElement?.textContent), 'Google Agenda', 'focus back on the card');
    assert.equal((await apiIntegration(apiUrl, token, 'google')).status, 'NOT_CONNECTED');

    // Connect again (consent granted at once this time), then the grant is revoked at Google.
    await emulator.consent('auto', 'google');
    await card.getByRole('button', { name: 'Connecter Google Agenda' }).click();
    await integrationResultText(page, 'google', 'connected');
    await page.locator('[data-testid="integration-google"]:is([data-state="NEEDS_CALENDAR"], [data-state="SYNCING"])').waitFor();
    await page.getByTestId('integration-google').getByLabel('Calendrier des interventions').waitFor();
    await emulator.revokeGrant('google', 'alice@example.com');

    await page.reload();
    // Listing the calendars meets the revoked grant: the API marks it, the card offers Reconnect.
    card = await integrationCard(page, 'google', 'NEEDS_RECONNECT');
    assert.equal(await card.getByTestId('integration-status').textContent(), 'À reconnecter');
    assert.match(await card.getByTestId('integration-hint').textContent(), /n’accepte plus notre accès.*Reconnecter/);
    assert.equal(await card.getByTestId('integration-account').textContent(), 'Compte : alice@example.com');
    assert.equal((await apiIntegration(apiUrl, token, 'google')).status, 'NEEDS_RECONNECT');
    await screenshot(page, '24-google-needs-reconnect-desktop');

    await card.getByRole('button', { name: 'Reconnecter Google Agenda' }).click();
    await integrationResultText(page, 'google', 'connected');
    await page.locator('[data-testid="integration-google"]:is([data-state="NEEDS_CALENDAR"], [data-state="SYNCING"])').waitFor();
    truth = await apiIntegration(apiUrl, token, 'google');
    assert.equal(truth.status, 'CONNECTED');
  }, { viewport: DESKTOP });

  // The same card on a phone, in the reconnect state.
  await emulator.revokeGrant('google', 'alice@example.com');
  await session(async (page) => {
    await loginThroughUi(page, pwaUrl, 'alice@example.com');
    await page.getByRole('link', { name: 'Paramètres' }).click();
    await integrationCard(page, 'google', 'NEEDS_RECONNECT');
    await assertNoHorizontalScroll(page);
    await screenshot(page, '25-google-needs-reconnect-mobile');
  }, { viewport: MOBILE });
});
