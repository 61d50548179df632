// Switching to English translates the app, sets <html lang>, and is remembered on reload.
import assert from 'node:assert/strict';
import { DESKTOP, screenshot } from '../browser.mjs';
import { loginThroughUi } from '../helpers.mjs';
import { test } from '../fixtures.mjs';

const name = 'language: switch to English, persisted, <html lang> follows';

test(name, async ({ stack: { pwaUrl }, session }) => {
  await session(async (page) => {
    await loginThroughUi(page, pwaUrl, 'alice@example.com');
    await page.getByRole('heading', { name: 'Mes interventions' }).waitFor();
    await page.getByRole('banner').getByTestId('language-switcher').selectOption('en');
    await page.getByRole('heading', { name: 'My interventions' }).waitFor();
    assert.equal(await page.getAttribute('html', 'lang'), 'en');
    // Installed from now on, the app describes itself in English.
    const manifestUrl = new URL(await page.getAttribute('link[rel="manifest"]', 'href'), pwaUrl);
    const manifest = await (await fetch(manifestUrl)).json();
    assert.deepEqual([manifest.lang, manifest.description], ['en', 'Intervention planning for technicians and dispatchers']);
    assert.ok(manifest.icons.length >= 3 && manifest.start_url === '/', 'the same app, only translated');
    assert.match(await page.locator('.card-zone').first().textContent(), /in your time zone \(Paris\)/);
    await screenshot(page, '07-alice-list-english-desktop');

    await page.reload();
    await page.getByRole('heading', { name: 'My interventions' }).waitFor();
    assert.equal(await page.getAttribute('html', 'lang'), 'en');
    assert.equal(await page.getAttribute('link[rel="manifest"]', 'href'), '/manifest.en.webmanifest');
    await page.getByRole('link', { name: 'Settings' }).click();
    await page.getByRole('heading', { name: 'Calendar integrations' }).waitFor();

    // Errors follow the language too.
    await page.getByRole('button', { name: 'Log out' }).click();
    await loginThroughUi(page, pwaUrl, 'alice@example.com', 'wrong');
    assert.equal((await page.getByTestId('login-error').textContent()).trim(), 'Wrong email address or password.');
  }, { viewport: DESKTOP });
});
