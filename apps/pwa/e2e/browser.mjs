// Debian's Chromium driven by playwright-core, each session with a fresh profile directory.
/* global window -- used inside page.evaluate, which runs in the browser */
import { mkdtempSync, mkdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';

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

/** Runs `fn(page)` in a brand-new browser profile, then closes it and deletes the profile. */
export async function withBrowser(fn, { viewport = DESKTOP } = {}) {
  const userDataDir = mkdtempSync(path.join(tmpdir(), 'pwa-e2e-profile-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: CHROMIUM_FLAGS,
    viewport,
    locale: 'en-US', // the app must still start in French: its default does not follow the browser
  });
  try {
    const page = context.pages()[0] ?? (await context.newPage());
    page.setDefaultTimeout(15_000);
    try {
      return await fn(page, context);
    } catch (error) {
      // What the page showed when the scenario failed, to read next to the stack trace.
      await screenshot(page, `failed-${Date.now()}`).catch(() => undefined);
      throw error;
    }
  } finally {
    await context.close();
    rmSync(userDataDir, { recursive: true, force: true });
  }
}

export async function screenshot(page, name) {
  mkdirSync(SHOTS_DIR, { recursive: true });
  // From the top: a sticky header scrolled along would be painted across the middle of a full-page shot.
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: path.join(SHOTS_DIR, `${name}.png`), fullPage: true });
}
