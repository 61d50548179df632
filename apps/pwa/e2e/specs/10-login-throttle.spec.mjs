// Guessing passwords: after the API's free failures for one account (5 by default), the
// login page says how long to wait, in the person's language, instead of "wrong password".
import assert from 'node:assert/strict';
import { MOBILE, screenshot } from '../browser.mjs';
import { loginThroughUi } from '../helpers.mjs';
import { test } from '../fixtures.mjs';

const name = 'login throttle: too many wrong passwords, the page says how long to wait';

// An account nobody else uses: the lock must not slow the other scenarios down.
const EMAIL = 'intruder@example.com';

async function attempt(page, pwaUrl) {
  await loginThroughUi(page, pwaUrl, EMAIL, 'guess');
  const error = page.getByTestId('login-error');
  await error.waitFor();
  return (await error.textContent()).trim();
}

test(name, async ({ stack: { pwaUrl }, session }) => {
  await session(async (page) => {
    for (let i = 0; i < 6; i++) assert.equal(await attempt(page, pwaUrl), 'Adresse e-mail ou mot de passe incorrect.');
    assert.match(await attempt(page, pwaUrl), /^Trop de tentatives\. Réessayez dans \d+ s\.$/);
    await screenshot(page, '30-login-too-many-attempts-mobile');
  }, { viewport: MOBILE });
});
