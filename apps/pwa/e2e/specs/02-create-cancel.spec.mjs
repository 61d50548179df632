// A technician creates an intervention: an end before the start is refused with the
// error next to the "Fin" input, the corrected one appears in the list, then she cancels it.
import assert from 'node:assert/strict';
import { MOBILE, screenshot } from '../browser.mjs';
import { apiGet, apiToken, daysAhead, loginThroughUi, assertNoHorizontalScroll } from '../helpers.mjs';
import { test } from '../fixtures.mjs';

const name = 'technician: create with endsAt before startsAt (field error), create, reschedule, edit, cancel';

test(name, async ({ stack: { pwaUrl, apiUrl }, session }) => {
  const title = `Fuite chaudière ${Date.now()}`;
  const day = daysAhead(3);

  await session(async (page) => {
    await loginThroughUi(page, pwaUrl, 'alice@example.com');
    await page.getByRole('heading', { name: 'Mes interventions' }).waitFor();
    await page.getByRole('link', { name: 'Nouvelle intervention' }).click();
    await page.getByRole('heading', { name: 'Nouvelle intervention' }).waitFor();

    await page.getByLabel('Titre', { exact: true }).fill(title);
    await page.getByLabel('Client', { exact: true }).fill('Boulangerie Martin');
    await page.getByLabel('Téléphone du client', { exact: true }).fill('+33 1 23 45 67 89');
    await page.getByLabel('Adresse', { exact: true }).fill('12 rue des Lilas, 75011 Paris');
    await page.getByLabel('Début', { exact: true }).fill(`${day}T10:00`);
    await page.getByLabel('Fin', { exact: true }).fill(`${day}T09:00`);
    assert.equal(await page.getByLabel('Fuseau horaire', { exact: true }).inputValue(), 'Europe/Paris');
    await page.getByRole('button', { name: "Créer l’intervention" }).click();

    const endsError = page.locator('[data-field-error="endsAt"]');
    await endsError.waitFor();
    assert.equal((await endsError.textContent()).trim(), 'La fin doit être après le début.');
    assert.equal(await page.getByLabel('Fin', { exact: true }).getAttribute('aria-invalid'), 'true');
    assert.match(await page.getByTestId('form-error').textContent(), /À corriger : Fin/);
    await assertNoHorizontalScroll(page);
    await screenshot(page, '04-create-field-error-mobile');

    await page.getByLabel('Fin', { exact: true }).fill(`${day}T11:30`);
    await page.getByRole('button', { name: "Créer l’intervention" }).click();
    await page.getByRole('status').filter({ hasText: 'Intervention créée.' }).waitFor();
    const card = page.locator('[data-testid="intervention-card"]', { hasText: title });
    await card.waitFor();
    assert.match(await card.locator('.card-time').textContent(), /10:00 – 11:30/);
    assert.equal(await card.getByRole('link', { name: 'Appeler le +33 1 23 45 67 89' }).getAttribute('href'), 'tel:+33123456789');

    const alice = await apiToken(apiUrl, 'alice@example.com');
    const created = (await apiGet(apiUrl, alice, '/interventions')).find((i) => i.title === title);
    assert.ok(created, 'the API has it');
    assert.equal(Date.parse(created.startsAt), Date.parse(`${day}T10:00:00+01:00`) - (isSummer(day) ? 3_600_000 : 0));

    // Reschedule inline, on the intervention's own clock.
    await card.getByRole('button', { name: 'Replanifier' }).click();
    await card.getByLabel('Début', { exact: true }).fill(`${day}T14:00`);
    await card.getByLabel('Fin', { exact: true }).fill(`${day}T15:15`);
    await card.getByRole('button', { name: 'Replanifier' }).last().click();
    await card.locator('.card-time', { hasText: '14:00 – 15:15' }).waitFor();

    // Edit through the form: only the title changes.
    await card.getByRole('link', { name: 'Modifier' }).click();
    await page.getByRole('heading', { name: "Modifier l’intervention" }).waitFor();
    assert.equal(await page.getByLabel('Début', { exact: true }).inputValue(), `${day}T14:00`);
    await page.getByLabel('Titre', { exact: true }).fill(`${title} (urgent)`);
    await page.getByRole('button', { name: 'Enregistrer' }).click();
    await page.getByRole('status').filter({ hasText: 'Intervention enregistrée.' }).waitFor();
    await card.locator('.card-title', { hasText: `${title} (urgent)` }).waitFor();

    await card.getByRole('button', { name: 'Annuler l’intervention' }).click();
    const dialog = page.getByRole('dialog', { name: 'Annuler cette intervention ?' });
    await dialog.waitFor();
    await screenshot(page, '05-cancel-confirm-mobile');
    await dialog.getByRole('button', { name: 'Oui, annuler' }).click();
    await page.locator(`[data-intervention-id="${created.id}"][data-status="CANCELLED"]`).waitFor();
    assert.equal((await card.locator('.badge').textContent()).trim(), 'Annulée');
    assert.match(await card.getAttribute('class'), /card-cancelled/);
    await card.scrollIntoViewIfNeeded();
    await screenshot(page, '06-cancelled-mobile');
  }, { viewport: MOBILE });
});

/** Paris is on summer time (UTC+2) from the last Sunday of March to the last Sunday of October. */
function isSummer(day) {
  const offset = new Intl.DateTimeFormat('en-US', { timeZone: 'Europe/Paris', timeZoneName: 'shortOffset' })
    .formatToParts(new Date(`${day}T12:00:00Z`))
    .find((p) => p.type === 'timeZoneName').value;
  return offset === 'GMT+2';
}
