// A dispatcher sees every technician's interventions, filters by technician, reassigns one
// from Alice to Bob and deletes one.
/* global document -- used inside page.waitForFunction, which runs in the browser */
import assert from 'node:assert/strict';
import { DESKTOP, MOBILE, screenshot } from '../browser.mjs';
import { apiGet, apiToken, assertNoHorizontalScroll, cardIds, loginThroughUi } from '../helpers.mjs';
import { test } from '../fixtures.mjs';

const name = 'dispatcher: sees all, filters by technician, reassigns, deletes';

test(name, async ({ stack: { pwaUrl, apiUrl }, session }) => {
  const token = await apiToken(apiUrl, 'dispatch@example.com');
  const all = await apiGet(apiUrl, token, '/interventions');
  const technicians = await apiGet(apiUrl, token, '/technicians');
  const bob = technicians.find((t) => t.email === 'bob@example.com');
  const target = all.find((i) => i.technicianId !== bob.id && i.status === 'PLANNED');
  assert.ok(bob && target, 'seed has Bob and a planned intervention of someone else');

  await session(async (page) => {
    await loginThroughUi(page, pwaUrl, 'dispatch@example.com');
    await page.getByRole('heading', { name: 'Toutes les interventions' }).waitFor();
    await page.locator('[data-testid="intervention-card"]').first().waitFor();
    assert.deepEqual((await cardIds(page)).sort(), all.map((i) => i.id).sort(), 'every intervention is listed');
    await screenshot(page, '08-dispatcher-all-desktop');

    await page.getByLabel('Technicien', { exact: true }).selectOption(bob.id);
    await page.waitForURL(`**technicianId=${bob.id}*`);
    // Times out (and fails) unless the list settles on Bob's interventions only.
    await page.waitForFunction((bobName) => {
      const names = [...document.querySelectorAll('.card-technician')].map((el) => el.textContent);
      return names.length > 0 && names.every((name) => name.includes(bobName));
    }, bob.name);
    const bobCount = all.filter((i) => i.technicianId === bob.id).length;
    assert.equal(await page.locator('[data-testid="intervention-card"]').count(), bobCount, 'all of Bob’s interventions');
    await page.getByLabel('Technicien', { exact: true }).selectOption('');

    const card = page.locator(`[data-intervention-id="${target.id}"]`);
    await card.getByRole('button', { name: 'Réassigner' }).click();
    await card.getByLabel(/Réassigner .* à/).selectOption(bob.id);
    await card.getByRole('button', { name: 'Réassigner' }).last().click();
    await card.locator('.card-technician', { hasText: bob.name }).waitFor();
    const after = await apiGet(apiUrl, token, `/interventions/${target.id}`);
    assert.equal(after.technicianId, bob.id, 'the API has the new technician');

    await card.getByRole('button', { name: 'Supprimer' }).click();
    await page.getByRole('dialog', { name: 'Supprimer cette intervention ?' }).getByRole('button', { name: 'Supprimer' }).click();
    await card.waitFor({ state: 'detached' });
    const remaining = await apiGet(apiUrl, token, '/interventions');
    assert.ok(!remaining.some((i) => i.id === target.id), 'the API deleted it');
  }, { viewport: DESKTOP });

  await session(async (page) => {
    await loginThroughUi(page, pwaUrl, 'dispatch@example.com');
    await page.locator('[data-testid="intervention-card"]').first().waitFor();
    await assertNoHorizontalScroll(page);
    await screenshot(page, '09-dispatcher-all-mobile');
  }, { viewport: MOBILE });
});
