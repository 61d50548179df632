// Microsoft Outlook on a phone, in English: the sign-in page is served on the emulator's HTTP
// origin (no certificate warning). Cancel there first (the banner says access was refused and
// how to retry), then accept, choose the "Interventions" calendar, and disconnect.
import assert from 'node:assert/strict';
import { MOBILE, screenshot } from '../browser.mjs';
import { apiIntegration, apiToken, assertNoHorizontalScroll, integrationCard, integrationResultText, loginThroughUi } from '../helpers.mjs';
import { test } from '../fixtures.mjs';

const name = 'integrations: Microsoft refuse then connect, choose calendar, disconnect (phone, English)';

test(name, async ({ stack: { pwaUrl, apiUrl, emulator, emulatorUrl }, session }) => {
  await emulator.reset();
  await emulator.consent('page', 'microsoft');
  const token = await apiToken(apiUrl, 'bob@example.com');

  await session(async (page) => {
    await loginThroughUi(page, pwaUrl, 'bob@example.com');
    await page.getByRole('link', { name: 'Paramètres' }).click();
    // One language picker, in the header of every page.
    await page.getByRole('banner').getByLabel('Langue').selectOption('en');
    let card = await integrationCard(page, 'microsoft', 'NOT_CONNECTED');
    assert.equal(await card.getByTestId('integration-status').textContent(), 'Not connected');

    await card.getByRole('button', { name: 'Connect Microsoft Outlook' }).click();
    await page.getByRole('heading', { name: 'Microsoft (emulator)' }).waitFor();
    assert.ok(page.url().startsWith(`${emulatorUrl}/`), `sign-in page on the emulator's HTTP origin, got ${page.url()}`);
    assert.ok(await page.getByLabel(/bob@example\.com/).isChecked(), 'login_hint preselects bob');
    await screenshot(page, '30-microsoft-sign-in-mobile');
    await page.getByRole('button', { name: 'Cancel' }).click();

    assert.equal(
      await integrationResultText(page, 'microsoft', 'error'),
      'Connecting Microsoft Outlook failed: you refused access. To link your calendar, click “Connect” again and accept the access request.',
    );
    await integrationCard(page, 'microsoft', 'NOT_CONNECTED');
    await assertNoHorizontalScroll(page);
    await screenshot(page, '31-microsoft-refused-mobile');

    await page.getByRole('button', { name: 'Connect Microsoft Outlook' }).click();
    await page.getByRole('button', { name: 'Accept' }).click();
    assert.equal(await integrationResultText(page, 'microsoft', 'connected'), 'Microsoft Outlook is connected.');
    card = await integrationCard(page, 'microsoft', 'NEEDS_CALENDAR');
    assert.equal(await card.getByTestId('integration-account').textContent(), 'Connected as bob@example.com');
    const select = card.getByLabel('Calendar for interventions');
    assert.ok(await select.locator('option', { hasText: 'Holidays (read only)' }).isDisabled());
    await assertNoHorizontalScroll(page);
    await screenshot(page, '32-microsoft-choose-calendar-mobile');

    await select.selectOption({ label: 'Interventions' });
    await card.getByRole('button', { name: 'Use this calendar' }).click();
    card = await integrationCard(page, 'microsoft', 'SYNCING');
    const truth = await apiIntegration(apiUrl, token, 'microsoft');
    assert.deepEqual([truth.status, truth.accountEmail, truth.calendarName], ['CONNECTED', 'bob@example.com', 'Interventions']);
    await screenshot(page, '33-microsoft-connected-mobile');

    await card.getByRole('button', { name: 'Disconnect Microsoft Outlook' }).click();
    await page.getByRole('dialog', { name: 'Disconnect Microsoft Outlook?' }).getByRole('button', { name: 'Disconnect' }).click();
    await integrationCard(page, 'microsoft', 'NOT_CONNECTED');
    assert.equal((await apiIntegration(apiUrl, token, 'microsoft')).status, 'NOT_CONNECTED');
  }, { viewport: MOBILE });
});
