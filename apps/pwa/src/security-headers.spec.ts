// The built PWA, served as `pnpm start` and the browser tests serve it (vite preview with
// our config), carries the safe header set on the page and on its assets.
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { preview, type PreviewServer } from 'vite';

let server: PreviewServer;
let base: string;
beforeAll(async () => {
  // dist/ exists: turbo builds this package before its tests.
  server = await preview({
    configFile: fileURLToPath(new URL('../vite.config.ts', import.meta.url)),
    preview: { port: 0, strictPort: false, host: '127.0.0.1' },
    logLevel: 'silent',
  });
  base = server.resolvedUrls!.local[0]!.replace(/\/$/, '');
});
afterAll(() => server?.close());

describe('served PWA headers', () => {
  it.each(['/', '/settings', '/manifest.webmanifest'])('%s has the safe set and a CSP forbidding framing', async (path) => {
    const response = await fetch(`${base}${path}`);
    expect(response.status).toBe(200);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('x-frame-options')).toBe('DENY');
    expect(response.headers.get('referrer-policy')).toBe('no-referrer');
    expect(response.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
    expect(response.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(response.headers.has('x-powered-by')).toBe(false);
  });

  it('the built page has no inline script the CSP would block', async () => {
    const html = await (await fetch(`${base}/`)).text();
    expect(html).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
  });
});
