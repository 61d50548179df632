// Conformance of the control API itself (plain fetch, as the rules allow).
import https from 'node:https';
import { describe, expect, it } from 'vitest';
import { useEmulator } from '../helpers/emulator.js';
import type { Json } from '../helpers/errors.js';

const emu = useEmulator();

async function json(path: string, init?: RequestInit) {
  const res = await fetch(`${emu.get().url}${path}`, init);
  return { status: res.status, body: (await res.json()) as Json };
}
const post = (path: string, body: unknown) =>
  json(path, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

describe('control API', () => {
  it('info names both origins, the CA and the default clients', async () => {
    const { body } = await json('/_emulator/info');
    expect(body.googleBaseUrl).toBe(emu.get().url);
    expect(body.microsoftBaseUrl).toBe(emu.get().httpsUrl);
    expect(body.microsoftBrowserBaseUrl).toBe(emu.get().url);
    expect(body.caPem).toContain('BEGIN CERTIFICATE');
    expect(body.defaultClients.google.clientId).toBeTruthy();
    expect(body.defaultClients.microsoft.clientSecret).toBeTruthy();
  });

  it('seeds three accounts per provider, each with primary, Interventions and read-only Holidays (CalDAV: Personal, no primary)', async () => {
    const { body } = await json('/_emulator/state');
    for (const provider of ['google', 'microsoft']) {
      const emails = body.accounts.filter((a: Json) => a.provider === provider).map((a: Json) => a.email);
      expect(emails).toEqual(['alice@example.com', 'bob@example.com', 'dispatch@example.com']);
      const alice = body.calendars.filter((c: Json) => c.provider === provider && c.ownerEmail === 'alice@example.com');
      expect(alice.map((c: Json) => [c.primary, c.canWrite])).toEqual([[true, true], [false, true], [false, false]]);
    }
    const caldav = body.calendars.filter((c: Json) => c.provider === 'caldav' && c.ownerEmail === 'alice@example.com');
    expect(caldav.map((c: Json) => [c.name, c.primary, c.canWrite])).toEqual([['Personal', false, true], ['Interventions', false, true], ['Holidays', false, false]]);
  });

  it('creates an account on every provider and a calendar; reset forgets them', async () => {
    expect((await post('/_emulator/accounts', { email: 'carol@example.com', name: 'Carol' })).status).toBe(201);
    const cal = await post('/_emulator/calendars', { provider: 'google', email: 'carol@example.com', name: 'Extra', canWrite: false });
    expect(cal.body.calendar.canWrite).toBe(false);
    expect((await json('/_emulator/accounts')).body.accounts).toHaveLength(12);
    await post('/_emulator/reset', {});
    expect((await json('/_emulator/accounts')).body.accounts).toHaveLength(9);
  });

  it('rejects malformed control input with 400 and a message', async () => {
    const r = await post('/_emulator/faults', { provider: 'yahoo', route: '*', status: 500 });
    expect(r.status).toBe(400);
    expect(r.body.error).toMatch(/provider/);
    expect((await post('/_emulator/faults', { provider: 'google', route: '*' })).status).toBe(400);
    expect((await post('/_emulator/consent', { mode: 'maybe' })).status).toBe(400);
  });

  it('serves HTTPS with a certificate for localhost signed by the advertised CA', async () => {
    const status = await new Promise<number>((resolve, reject) => {
      https
        .get(`${emu.get().httpsUrl}/nothing-here`, { ca: emu.get().caPem }, (res) => {
          res.resume();
          resolve(res.statusCode ?? 0);
        })
        .on('error', reject);
    });
    expect(status).toBe(404);
  });

  it('serves the viewer page', async () => {
    const res = await fetch(`${emu.get().url}/`);
    expect(res.headers.get('content-type')).toMatch(/text\/html/);
  });
});
