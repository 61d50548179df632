// axe-core in the browser: no WCAG 2.1 A/AA violation on the pages people use most: the
// interventions list (with a cancelled card), Settings, and the admin page.
import assert from 'node:assert/strict';
import { MOBILE } from '../browser.mjs';
import { apiToken, assertNoAxeViolations, connectGoogle, loginThroughUi } from '../helpers.mjs';
import { test } from '../fixtures.mjs';


/** One cancelled intervention of Alice's in this week, so the list shows a cancelled card. */
async function cancelOneOfAlices(apiUrl) {
  const token = await apiToken(apiUrl, 'dispatch@example.com');
  const auth = { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' };
  const technicians = await (await fetch(`${apiUrl}/api/v1/technicians`, { headers: auth })).json();
  const alice = technicians.find((t) => t.email === 'alice@example.com');
  const startsAt = new Date(Date.now() + 3_600_000);
  const created = await fetch(`${apiUrl}/api/v1/interventions`, {
    method: 'POST',
    headers: auth,
    body: JSON.stringify({
      title: 'Cancelled for contrast',
      clientName: 'Client',
      address: '1 rue A, Paris',
      startsAt: startsAt.toISOString(),
      endsAt: new Date(startsAt.getTime() + 3_600_000).toISOString(),
      timeZone: 'Europe/Paris',
      technicianId: alice.id,
    }),
  });
  assert.equal(created.status, 201);
  const { id } = await created.json();
  assert.equal((await fetch(`${apiUrl}/api/v1/interventions/${id}/cancel`, { method: 'POST', headers: auth })).status, 200);
}

test('accessibility: the list (with a cancelled card), Settings and the admin page have no axe violations', async ({ stack: { pwaUrl, apiUrl, emulator }, session }) => {
  await emulator.reset();
  await connectGoogle(apiUrl, emulator, 'alice@example.com');
  await cancelOneOfAlices(apiUrl);

  await session(async (page) => {
    await loginThroughUi(page, pwaUrl, 'alice@example.com');
    await page.locator('[data-testid="intervention-card"][data-status="CANCELLED"]').first().waitFor();
    await assertNoAxeViolations(page, 'the interventions list');
    await page.getByRole('link', { name: 'Paramètres' }).click();
    await page.locator('[data-testid="integration-google"][data-state="SYNCING"]').waitFor();
    await page.getByTestId('shared-in-events').waitFor();
    await assertNoAxeViolations(page, 'Settings');
  });

  await session(async (page) => {
    await loginThroughUi(page, pwaUrl, 'admin@example.com');
    await page.getByRole('link', { name: 'Administration' }).click();
    await page.getByTestId('admin-integrations').waitFor();
    await page.getByTestId('event-privacy-form').waitFor();
    await assertNoAxeViolations(page, 'the admin page');
  }, { viewport: MOBILE });
});
