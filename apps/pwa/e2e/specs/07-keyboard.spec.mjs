// Everything is reachable with the keyboard, with a visible focus: log in with Tab and
// Enter, skip to the content, open and dismiss the cancel confirmation with Escape.
/* global document, getComputedStyle -- used inside page.evaluate, which runs in the browser */
import assert from 'node:assert/strict';
import { MOBILE, screenshot } from '../browser.mjs';
import { PASSWORD } from '../helpers.mjs';
import { test } from '../fixtures.mjs';

const name = 'keyboard: log in, skip link, confirmation dialog, visible focus';

const focused = (page) =>
  page.evaluate(() => {
    const el = document.activeElement;
    return { tag: el.tagName, label: el.labels?.[0]?.textContent ?? el.textContent, shadow: getComputedStyle(el).boxShadow };
  });

test(name, async ({ stack: { pwaUrl }, session }) => {
  await session(async (page) => {
    await page.goto(`${pwaUrl}/login`);
    await page.getByRole('heading', { name: 'Connexion' }).waitFor();
    await page.keyboard.press('Tab');
    assert.equal((await focused(page)).label, 'Adresse e-mail');
    await page.keyboard.type('alice@example.com');
    await page.keyboard.press('Tab');
    assert.equal((await focused(page)).label, 'Mot de passe');
    await page.keyboard.type(PASSWORD);
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Mes interventions' }).waitFor();

    await page.keyboard.press('Tab');
    const skip = await focused(page);
    assert.equal(skip.label, 'Aller au contenu');
    assert.notEqual(skip.shadow, 'none', 'the focused element shows a focus ring');
    await page.keyboard.press('Enter');
    assert.equal(await page.evaluate(() => document.activeElement.id), 'main');

    const cancel = page.getByRole('button', { name: 'Annuler l’intervention' }).first();
    await cancel.focus();
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog', { name: 'Annuler cette intervention ?' });
    await dialog.waitFor();
    assert.equal((await focused(page)).label, 'Non, la garder', 'focus starts on the safe choice');
    await screenshot(page, '12-keyboard-dialog-mobile');
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });
    assert.equal((await focused(page)).label, 'Annuler l’intervention', 'focus returns to the button');
  }, { viewport: MOBILE });
});
