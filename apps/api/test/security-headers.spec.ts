// Every API answer carries the safe header set, including errors raised before routing;
// token-carrying answers are never cached; HSTS only over HTTPS; CORS admits PWA_URL only.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from './support/test-app';

const PWA = 'https://pwa.example.test';
let t: TestApp;
beforeAll(async () => {
  t = await startTestApp({ PWA_URL: `${PWA}/`, TRUST_PROXY: 'loopback' });
});
afterAll(() => t?.close());

function expectSafeHeaders(headers: Record<string, string>): void {
  expect(headers['x-content-type-options']).toBe('nosniff');
  expect(headers['x-frame-options']).toBe('DENY');
  expect(headers['content-security-policy']).toContain("frame-ancestors 'none'");
  expect(headers['referrer-policy']).toBe('no-referrer');
  expect(headers['cache-control']).toBe('no-store');
  expect(headers).not.toHaveProperty('x-powered-by');
  expect(headers).not.toHaveProperty('strict-transport-security');
}

describe('security headers', () => {
  it('the login answer, which carries a token, is never stored and has the safe set', async () => {
    const response = await t.http.post('/api/v1/auth/login').send({ email: 'alice@example.com', password: 'demo1234' }).expect(200);
    expect(response.body.accessToken).toEqual(expect.any(String));
    expectSafeHeaders(response.headers);
  });

  it('errors carry them too: unknown route, oversized body, bad JSON, health', async () => {
    expectSafeHeaders((await t.http.get('/api/v1/nope').expect(404)).headers);
    expectSafeHeaders((await t.http.post('/api/v1/auth/login').send({ password: 'x'.repeat(200_000) }).expect(413)).headers);
    expectSafeHeaders((await t.http.post('/api/v1/auth/login').set('Content-Type', 'application/json').send('{').expect(400)).headers);
    expectSafeHeaders((await t.http.get('/api/v1/health').expect(200)).headers);
  });

  it('adds HSTS only when the request reached us over HTTPS (via a trusted proxy)', async () => {
    const response = await t.http.get('/api/v1/health').set('X-Forwarded-Proto', 'https').expect(200);
    expect(response.headers['strict-transport-security']).toBe('max-age=31536000; includeSubDomains');
  });
});

describe('CORS', () => {
  it('admits the PWA origin, exposing Retry-After', async () => {
    const preflight = await t.http
      .options('/api/v1/auth/login')
      .set('Origin', PWA)
      .set('Access-Control-Request-Method', 'POST')
      .set('Access-Control-Request-Headers', 'content-type');
    expect(preflight.status).toBe(204);
    expect(preflight.headers['access-control-allow-origin']).toBe(PWA);
    const simple = await t.http.get('/api/v1/health').set('Origin', PWA).expect(200);
    expect(simple.headers['access-control-expose-headers']).toBe('Retry-After');
  });

  it('does not admit any other origin', async () => {
    for (const origin of ['https://evil.example', 'http://pwa.example.test', 'null']) {
      const preflight = await t.http.options('/api/v1/auth/login').set('Origin', origin).set('Access-Control-Request-Method', 'POST');
      expect(preflight.headers).not.toHaveProperty('access-control-allow-origin');
      const simple = await t.http.get('/api/v1/health').set('Origin', origin);
      expect(simple.headers).not.toHaveProperty('access-control-allow-origin');
    }
  });
});

describe('API docs', () => {
  it('still serve under the CSP (same-origin scripts and styles)', async () => {
    const page = await t.http.get('/api/docs/').expect(200);
    expect(page.text).not.toMatch(/<script>(?!\s*<\/script>)/);
  });
});
