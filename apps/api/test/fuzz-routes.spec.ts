// Property: whatever a client sends to any route of the OpenAPI document (body, query,
// headers, path parameters, with or without a valid token), the API answers below 500,
// stays up, and a refused request (4xx) writes nothing. Fixed seed and a bounded number
// of runs, so CI runs the same requests every time in a few seconds; a failure prints
// the seed and the shrunk counterexample.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulatedTestApp, type EmulatedTestApp } from './support/calendar-emulator';

const SEED = 20_261_204;
const RUNS = 500;

let t: EmulatedTestApp;
let routes: { method: string; path: string }[];
const tokens: Record<string, string> = {};

beforeAll(async () => {
  // The emulator configures both providers, so OAuth routes answer as in production
  // (without it they answer 503 PROVIDER_NOT_CONFIGURED, an admin's state, not bad input).
  t = await startEmulatedTestApp();
  for (const who of ['admin', 'dispatch', 'alice']) tokens[who] = await t.tokenFor(`${who}@example.com`);
  const document = (await t.http.get('/api/docs-json').expect(200)).body as { paths: Record<string, Record<string, unknown>> };
  routes = Object.entries(document.paths).flatMap(([path, operations]) => Object.keys(operations).map((method) => ({ method, path })));
});
afterAll(() => t?.close());

/** Rows and versions of every table: any write a request makes changes it. */
async function fingerprint(): Promise<unknown> {
  const p = t.prisma;
  return Promise.all([
    p.user.aggregate({ _count: true, _max: { updatedAt: true } }),
    p.intervention.aggregate({ _count: true, _sum: { version: true }, _max: { updatedAt: true } }),
    p.calendarIntegration.aggregate({ _count: true, _max: { updatedAt: true } }),
    p.oAuthState.count(),
    p.syncJob.aggregate({ _count: true, _max: { updatedAt: true } }),
    p.interventionSync.aggregate({ _count: true, _max: { updatedAt: true } }),
  ]);
}

// Strings that broke us before, beside arbitrary ones: NUL, lone surrogates, huge, JSON-ish.
const nasty = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.constantFrom('\u0000', 'a\uD800', '\uDC00b', '', ' ', '../..', '%00', '{"a":', '9'.repeat(400), 'x'.repeat(120_000)),
  fc.uuid(),
  fc.date({ noInvalidDate: true }).map((d) => d.toISOString()),
);
const fieldNames = fc.constantFrom(
  'title', 'description', 'clientName', 'address', 'startsAt', 'endsAt', 'timeZone', 'technicianId', 'status',
  'email', 'password', 'calendarId', 'syncEnabled', 'from', 'to', 'code', 'state', 'error', '__proto__', 'constructor',
);
const value = fc.oneof(nasty, fc.integer(), fc.boolean(), fc.constant(null), fc.jsonValue({ maxDepth: 3 }));
const body = fc.oneof(
  fc.dictionary(fc.oneof(fieldNames, fc.string({ unit: 'binary', maxLength: 8 })), value, { maxKeys: 6 }).map((v) => JSON.stringify(v)),
  fc.jsonValue().map((v) => JSON.stringify(v)),
  nasty,
  fc.integer({ min: 1, max: 60 }).map((depth) => '['.repeat(depth) + ']'.repeat(depth)),
);
// Header values Node's HTTP client accepts (visible ASCII): the server parses the rest.
const headerValue = fc.string({ unit: fc.integer({ min: 0x20, max: 0x7e }).map((c) => String.fromCharCode(c)), maxLength: 60 });
const contentType = fc.constantFrom('application/json', 'application/json; charset=utf-8', 'application/json; charset=koi8-r', 'text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', 'application/xml');

const request = fc.record({
  route: fc.nat(),
  params: fc.array(fc.oneof(nasty, fc.constantFrom('google', 'microsoft', 'raw:%ED%B0%80', 'raw:%E0%A4%A', 'raw:%FF', 'raw:%00')), {
    minLength: 3,
    maxLength: 3,
  }),
  rawQuery: fc.constantFrom('', '&x=%ED%B0%80', '&%FF=1', '&status=%00', '&a[b][c]=1', '&from=%E0%A4%A', '&state=%uD800'),
  query: fc.dictionary(fc.oneof(fieldNames, fc.string({ unit: 'binary', maxLength: 6 })), fc.oneof(nasty, fc.array(nasty, { maxLength: 3 })), { maxKeys: 4 }),
  body: fc.option(body),
  contentType,
  auth: fc.oneof(fc.constantFrom('admin', 'dispatch', 'alice', 'none'), headerValue.map((v) => `raw:${v}`)),
  headers: fc.dictionary(fc.constantFrom('Accept', 'X-Forwarded-For', 'Origin', 'Accept-Language', 'If-None-Match', 'Range', 'Cookie'), headerValue, { maxKeys: 3 }),
});

/** Percent-encodes the UTF-8 bytes (a lone surrogate becomes U+FFFD, as a browser sends it). */
const encodeBytes = (text: string) =>
  [...Buffer.from(text, 'utf8')].map((b) => (/[A-Za-z0-9_.~-]/.test(String.fromCharCode(b)) ? String.fromCharCode(b) : `%${b.toString(16).padStart(2, '0')}`)).join('');

function toUrl(path: string, params: string[], query: Record<string, unknown>, rawQuery: string): string {
  let i = 0;
  const filled = path.replace(/\{[^}]+\}/g, () => {
    const param = params[i++ % params.length]!;
    // Some parameters go raw: invalid UTF-8 or truncated escapes, as an attacker can send.
    return param.startsWith('raw:') ? param.slice(4) : encodeBytes(param);
  });
  const search = new URLSearchParams();
  for (const [key, v] of Object.entries(query)) for (const item of [v].flat()) search.append(key, String(item));
  const text = search.toString() + rawQuery;
  return text ? `${filled}?${text}` : filled;
}

describe('fuzzing every route of the OpenAPI document', () => {
  it('never answers 5xx, stays up, and writes nothing when it refuses', { timeout: 120_000 }, async () => {
    expect(routes.length).toBeGreaterThan(10);
    await fc.assert(
      fc.asyncProperty(request, async (r) => {
        const route = routes[r.route % routes.length]!;
        const url = toUrl(route.path, r.params, r.query, r.rawQuery);
        const before = await fingerprint();
        let call = t.http[route.method as 'get'](url).set('Content-Type', r.contentType).set(r.headers);
        if (r.auth.startsWith('raw:')) call = call.set('Authorization', r.auth.slice(4));
        else if (r.auth !== 'none') call = call.set('Authorization', `Bearer ${tokens[r.auth]}`);
        const response = r.body === null ? await call : await call.send(r.body);
        expect(response.status, `${route.method.toUpperCase()} ${url} -> ${JSON.stringify(response.body)}`).toBeLessThan(500);
        if (response.status >= 400) expect(await fingerprint()).toEqual(before);
      }),
      { seed: SEED, numRuns: RUNS, endOnFailure: true },
    );
    await t.http.get('/api/v1/health').expect(200);
  });
});
