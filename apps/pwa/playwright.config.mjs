// Browser tests (@playwright/test) in Debian's Chromium: no Playwright-downloaded browser
// exists on these machines, so the launch names the executable (CHROMIUM_PATH, default
// /usr/bin/chromium). One worker: every spec shares one seeded API and one emulator
// (started by e2e/global-setup.mjs), and several of them change what the others see.
import { defineConfig } from '@playwright/test';
import { CHROMIUM_FLAGS, DESKTOP } from './e2e/browser.mjs';

export default defineConfig({
  testDir: './e2e/specs',
  globalSetup: './e2e/global-setup.mjs',
  workers: 1,
  fullyParallel: false,
  timeout: 120_000,
  reporter: [['list'], ['html', { open: 'never', outputFolder: process.env.PWA_REPORT_DIR ?? '/tmp/pwa-report' }]],
  outputDir: process.env.PWA_RESULTS_DIR ?? '/tmp/pwa-results',
  use: {
    browserName: 'chromium',
    launchOptions: { executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: CHROMIUM_FLAGS },
    headless: true,
    viewport: DESKTOP,
    locale: 'en-US', // the app must still start in French: its default does not follow the browser
    screenshot: 'only-on-failure',
    trace: 'retain-on-failure',
  },
});
