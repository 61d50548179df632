// The fixtures every spec uses: `stack` (the URLs of the running PWA, API and emulator, and
// the emulator's control client) and `session(fn, { viewport })`, which runs `fn(page,
// context)` in a brand-new browser context (fresh storage: a new person at a new device) and
// attaches a full-page screenshot to the report when `fn` fails.
import { test as base, expect } from '@playwright/test';
import { createControlClient } from '@fs/calendar-emulator';
import { DESKTOP } from './browser.mjs';

export { expect };

export const test = base.extend({
  // eslint-disable-next-line no-empty-pattern -- Playwright reads the fixture's dependencies from this pattern
  stack: async ({}, use) => {
    const emulatorUrl = process.env.E2E_EMULATOR_URL;
    await use({
      pwaUrl: process.env.E2E_PWA_URL,
      apiUrl: process.env.E2E_API_URL,
      emulatorUrl,
      caldavUrl: process.env.E2E_CALDAV_URL,
      emulator: createControlClient(emulatorUrl),
    });
  },
  session: async ({ browser }, use, testInfo) => {
    let count = 0;
    await use(async (fn, { viewport = DESKTOP } = {}) => {
      const context = await browser.newContext({ viewport, locale: 'en-US' });
      const page = await context.newPage();
      page.setDefaultTimeout(15_000);
      count += 1;
      try {
        return await fn(page, context);
      } catch (error) {
        const shot = await page.screenshot({ fullPage: true }).catch(() => null);
        if (shot) await testInfo.attach(`failure-session-${count}`, { body: shot, contentType: 'image/png' });
        throw error;
      } finally {
        await context.close();
      }
    });
  },
});
