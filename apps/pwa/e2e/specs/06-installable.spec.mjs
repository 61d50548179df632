// The PWA is installable: manifest with icons, a service worker that precaches the shell
// and never stores API responses.
/* global navigator, caches, localStorage -- used inside page.evaluate, which runs in the browser */
import assert from 'node:assert/strict';
import { loginThroughUi } from '../helpers.mjs';
import { test } from '../fixtures.mjs';

const name = 'installable: manifest, icons, service worker (no /api in caches)';

test(name, async ({ stack: { pwaUrl }, session }) => {
  const manifestResponse = await fetch(`${pwaUrl}/manifest.webmanifest`);
  assert.equal(manifestResponse.status, 200);
  const manifest = await manifestResponse.json();
  assert.equal(manifest.display, 'standalone');
  assert.ok(manifest.theme_color && manifest.name && manifest.start_url);
  const sizes = manifest.icons.map((icon) => icon.sizes);
  assert.ok(sizes.includes('192x192') && sizes.includes('512x512'), 'has 192 and 512 icons');
  for (const icon of manifest.icons) {
    const response = await fetch(new URL(icon.src, pwaUrl));
    assert.equal(response.status, 200, icon.src);
    assert.equal(response.headers.get('content-type'), 'image/png', icon.src);
  }
  const sw = await fetch(`${pwaUrl}/sw.js`);
  assert.equal(sw.status, 200);
  assert.match(await sw.text(), /precache/i);

  await session(async (page) => {
    await loginThroughUi(page, pwaUrl, 'alice@example.com');
    await page.getByRole('heading', { name: 'Mes interventions' }).waitFor();
    assert.ok(await page.locator('link[rel="manifest"]').count(), 'the page links the manifest');
    const scope = await page.evaluate(async () => (await navigator.serviceWorker.ready).scope);
    assert.equal(scope, `${pwaUrl}/`);
    await page.reload();
    await page.locator('[data-testid="intervention-card"]').first().waitFor();
    const cached = await page.evaluate(async () => {
      const urls = [];
      for (const name of await caches.keys()) {
        for (const request of await (await caches.open(name)).keys()) urls.push(request.url);
      }
      return urls;
    });
    assert.ok(cached.some((url) => url.includes('index.html')), 'the app shell is precached');
    assert.ok(!cached.some((url) => url.includes('/api/')), 'no API response is cached');
  });
});

test('offline: the list still shows the last known interventions, under an offline banner', async ({ stack: { pwaUrl }, session }) => {
  await session(async (page, context) => {
    await loginThroughUi(page, pwaUrl, 'alice@example.com');
    await page.getByRole('heading', { name: 'Mes interventions' }).waitFor();
    await page.locator('[data-testid="intervention-card"]').first().waitFor();
    const online = await page.locator('[data-testid="intervention-card"]').allTextContents();
    assert.ok(online.length > 0, 'alice has interventions');
    await page.evaluate(async () => navigator.serviceWorker.ready);
    assert.equal(await page.getByTestId('offline-banner').count(), 0, 'no banner while online');
    await page.waitForTimeout(1_500); // the copy is saved a second after the list arrives

    await context.setOffline(true);
    await page.reload(); // served by the service worker; the list comes from the saved copy
    await page.getByTestId('offline-banner').waitFor();
    assert.match(await page.getByTestId('offline-banner').textContent(), /Hors ligne/);
    assert.deepEqual(await page.locator('[data-testid="intervention-card"]').allTextContents(), online);

    await context.setOffline(false);
    await page.getByTestId('offline-banner').waitFor({ state: 'detached' });
  });
  // Logging out forgets the copy: the next person on this phone sees nothing of alice's.
  await session(async (page) => {
    await loginThroughUi(page, pwaUrl, 'alice@example.com');
    await page.locator('[data-testid="intervention-card"]').first().waitFor();
    await page.waitForTimeout(1_500);
    assert.ok(await page.evaluate(() => localStorage.getItem('fs.offlineCache')), 'a copy is kept while signed in');
    await page.getByRole('button', { name: 'Se déconnecter' }).click();
    await page.getByLabel(/Adresse e-mail/).waitFor();
    assert.equal(await page.evaluate(() => localStorage.getItem('fs.offlineCache')), null, 'logging out removes it');
  });
});
