// The batch endpoint (provider-apis.md A2.6). googleapis has no batch helper in Node, so this
// sends the documented multipart/mixed request by hand, with an access token obtained from
// google-auth-library.
import { beforeEach, describe, expect, it } from 'vitest';
import { useEmulator } from '../helpers/emulator.js';
import { connectGoogle } from '../helpers/google.js';

const emu = useEmulator();
let token: string;

interface Call {
  method: string;
  path: string;
  body?: unknown;
}

const ev = (id: string) => ({ id, summary: id, start: { date: '2026-12-01' }, end: { date: '2026-12-02' } });

async function batch(calls: Call[], auth: string | null = token) {
  const boundary = 'batch_test_boundary';
  const parts = calls.map((c, i) => {
    const json = c.body === undefined ? '' : JSON.stringify(c.body);
    const head = [`${c.method} ${c.path} HTTP/1.1`, ...(json ? ['Content-Type: application/json'] : [])].join('\r\n');
    return `--${boundary}\r\nContent-Type: application/http\r\nContent-ID: <item${i + 1}>\r\n\r\n${head}\r\n\r\n${json}\r\n`;
  });
  const res = await fetch(`${emu.get().url}/batch/calendar/v3`, {
    method: 'POST',
    headers: { 'content-type': `multipart/mixed; boundary=${boundary}`, ...(auth ? { authorization: `Bearer ${auth}` } : {}) },
    body: `${parts.join('')}--${boundary}--\r\n`,
  });
  const text = await res.text();
  const b = /boundary=([^;\s]+)/.exec(res.headers.get('content-type')!)![1]!;
  const answers = text
    .split(`--${b}`)
    .slice(1, -1)
    .map((p) => {
      const cid = /Content-ID: <([^>]+)>/.exec(p)![1];
      const status = Number(/HTTP\/1\.1 (\d{3})/.exec(p)![1]);
      const bodyText = p.split(/\r\n\r\n/).slice(2).join('\r\n\r\n').trim();
      return { cid, status, body: bodyText ? JSON.parse(bodyText) : undefined };
    });
  return { status: res.status, answers };
}

const P = '/calendar/v3/calendars/primary/events';

beforeEach(async () => {
  const { client } = await connectGoogle(emu.get());
  token = (await client.getAccessToken()).token!;
});

describe('batch', () => {
  it('runs each part and answers in order, Content-ID response-<id>', async () => {
    const r = await batch([
      { method: 'POST', path: P, body: ev('batch00001') },
      { method: 'PATCH', path: `${P}/batch00001`, body: { summary: 'patched' } },
      { method: 'GET', path: `${P}/batch00001` },
    ]);
    expect(r.status).toBe(200);
    expect(r.answers.map((a) => [a.cid, a.status])).toEqual([['response-item1', 200], ['response-item2', 200], ['response-item3', 200]]);
    expect(r.answers[2]!.body.summary).toBe('patched');
  });

  it('a failing part does not fail the batch: 409 inside an outer 200', async () => {
    const r = await batch([
      { method: 'POST', path: P, body: ev('batch00002') },
      { method: 'POST', path: P, body: ev('batch00002') },
    ]);
    expect(r.status).toBe(200);
    expect(r.answers.map((a) => a.status)).toEqual([200, 409]);
    expect(r.answers[1]!.body.error.errors[0].reason).toBe('duplicate');
  });

  it('each inner call counts against the per-user quota (403 rateLimit inside the batch)', async () => {
    await emu.get().control.quota({ provider: 'google', email: 'alice@example.com', perSecond: 2 });
    const r = await batch([
      { method: 'POST', path: P, body: ev('batch00003') },
      { method: 'POST', path: P, body: ev('batch00004') },
      { method: 'POST', path: P, body: ev('batch00005') },
    ]);
    expect(r.answers.map((a) => a.status)).toEqual([200, 200, 403]);
    expect(r.answers[2]!.body.error.errors[0].reason).toBe('userRateLimitExceeded');
  });

  it('faults apply to inner calls by their route name', async () => {
    await emu.get().control.addFault({ provider: 'google', route: 'events.insert', status: 503, times: 1 });
    const r = await batch([
      { method: 'POST', path: P, body: ev('batch00006') },
      { method: 'POST', path: P, body: ev('batch00007') },
    ]);
    expect(r.answers.map((a) => a.status)).toEqual([503, 200]);
    const inner = (await emu.get().control.requests()).filter((e) => e.inner);
    expect(inner.map((e) => e.route)).toEqual(['events.insert', 'events.insert']);
  });

  it('parts are authenticated with the outer Authorization: none gives 401 per part', async () => {
    const r = await batch([{ method: 'GET', path: `${P}` }], null);
    expect(r.status).toBe(200);
    expect(r.answers[0]!.status).toBe(401);
  });

  it('a connection reset on an inner call becomes a 503 part; the other parts still run', async () => {
    await emu.get().control.addFault({ provider: 'google', route: 'events.insert', reset: true, times: 1 });
    const r = await batch([
      { method: 'POST', path: P, body: ev('batch00008') },
      { method: 'POST', path: P, body: ev('batch00009') },
    ]);
    expect(r.answers.map((a) => a.status)).toEqual([503, 200]);
  });

  it('refuses more than 1000 calls in one batch', async () => {
    const calls = Array.from({ length: 1001 }, () => ({ method: 'GET', path: `${P}/nope00001` }));
    const boundary = 'b1';
    const body = calls.map((c) => `--${boundary}\r\nContent-Type: application/http\r\n\r\n${c.method} ${c.path}\r\n\r\n`).join('') + `--${boundary}--`;
    const res = await fetch(`${emu.get().url}/batch/calendar/v3`, { method: 'POST', headers: { 'content-type': `multipart/mixed; boundary=${boundary}`, authorization: `Bearer ${token}` }, body });
    expect(res.status).toBe(400);
    expect((await emu.get().control.requests()).filter((e) => e.inner)).toEqual([]);
  });

  it('refuses a body that is not multipart/mixed', async () => {
    const res = await fetch(`${emu.get().url}/batch/calendar/v3`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: '{}' });
    expect(res.status).toBe(400);
    expect((await res.json()).error.errors[0].reason).toBe('invalid');
  });
});
