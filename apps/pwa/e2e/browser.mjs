// How the browser tests drive Debian's Chromium (no Playwright-downloaded browser exists on
// these machines: playwright.config.mjs launches this executable with these flags), the
// viewports they use, and screenshots taken on purpose (for people to look at).
/* global window -- used inside page.evaluate, which runs in the browser */
import { mkdirSync } from 'node:fs';
import path from 'node:path';

export const CHROMIUM_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export const SHOTS_DIR = process.env.PWA_SHOTS_DIR ?? '/tmp/pwa-shots';
export const MOBILE = { width: 390, height: 844 };
export const DESKTOP = { width: 1280, height: 900 };

export async function screenshot(page, name) {
  mkdirSync(SHOTS_DIR, { recursive: true });
  // From the top: a sticky header scrolled along would be painted across the middle of a full-page shot.
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: path.join(SHOTS_DIR, `${name}.png`), fullPage: true });
}
