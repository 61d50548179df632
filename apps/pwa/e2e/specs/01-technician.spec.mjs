// A technician logs in (French by default), sees only her interventions, wrong passwords
// and expired sessions are handled in French.
/* global localStorage -- used inside page.evaluate, which runs in the browser */
import assert from 'node:assert/strict';
import { MOBILE, screenshot } from '../browser.mjs';
import { apiGet, apiToken, cardIds, loginThroughUi, assertNoHorizontalScroll } from '../helpers.mjs';
import { test } from '../fixtures.mjs';

const name = 'technician: French login, wrong password, own interventions only, 401 back to login';

test(name, async ({ stack: { pwaUrl, apiUrl }, session }) => {
  const alice = await apiToken(apiUrl, 'alice@example.com');
  const bob = await apiToken(apiUrl, 'bob@example.com');
  const aliceIds = (await apiGet(apiUrl, alice, '/interventions')).map((i) => i.id);
  const bobIds = (await apiGet(apiUrl, bob, '/interventions')).map((i) => i.id);
  assert.ok(aliceIds.length > 0 && bobIds.length > 0, 'the seed gives both technicians interventions');

  await session(async (page) => {
    await page.goto(pwaUrl);
    await page.waitForURL('**/login');
    assert.equal(await page.getAttribute('html', 'lang'), 'fr');
    await page.getByRole('heading', { name: 'Connexion' }).waitFor();
    await screenshot(page, '01-login-mobile');

    await loginThroughUi(page, pwaUrl, 'alice@example.com', 'not-her-password');
    const error = page.getByTestId('login-error');
    await error.waitFor();
    assert.equal((await error.textContent()).trim(), 'Adresse e-mail ou mot de passe incorrect.');
    await screenshot(page, '02-login-wrong-password-mobile');

    await loginThroughUi(page, pwaUrl, 'alice@example.com');
    await page.getByRole('heading', { name: 'Mes interventions' }).waitFor();
    await page.locator('[data-testid="intervention-card"]').first().waitFor();
    assert.equal(await page.title(), 'Mes interventions · Field Service');
    const shown = await cardIds(page);
    assert.deepEqual([...shown].sort(), [...aliceIds].sort(), 'exactly her interventions are listed');
    assert.ok(!shown.some((id) => bobIds.includes(id)), "none of Bob's interventions are listed");
    assert.match(await page.locator('.card-zone').first().textContent(), /dans votre fuseau horaire \(Paris\)/);
    assert.ok((await page.locator('.day-heading').count()) >= 1, 'grouped under day headings');
    await assertNoHorizontalScroll(page);
    await screenshot(page, '03-alice-list-mobile');

    // A token the API no longer accepts sends the person back to the login page.
    await page.evaluate(() => localStorage.setItem('fs.accessToken', 'expired.token.value'));
    await page.reload();
    await page.waitForURL('**/login');
    assert.equal(await page.evaluate(() => localStorage.getItem('fs.accessToken')), null);
  }, { viewport: MOBILE });
});
