// Fault injection and per-user quota as googleapis / google-auth-library experience them
// (provider-apis.md A2.7, A1.6.5, C1).
import { beforeEach, describe, expect, it } from 'vitest';
import { useEmulator } from '../helpers/emulator.js';
import { calendarApi, connectGoogle } from '../helpers/google.js';
import { failure, googleReason } from '../helpers/errors.js';

const emu = useEmulator();
let cal: ReturnType<typeof calendarApi>;
const day = { start: { date: '2026-12-01' }, end: { date: '2026-12-02' } };

const callsTo = async (route: string) => (await emu.get().control.requests()).filter((e) => e.route === route);

beforeEach(async () => {
  const { client } = await connectGoogle(emu.get());
  cal = calendarApi(emu.get(), client);
});

describe('quota', () => {
  it('over quota is 403 userRateLimitExceeded without Retry-After, and googleapis does not retry it', async () => {
    await emu.get().control.quota({ provider: 'google', email: 'alice@example.com', perSecond: 2 });
    await cal.calendarList.list();
    await cal.calendarList.list();
    const f = await failure(cal.calendarList.list());
    expect(f.status).toBe(403);
    expect(googleReason(f)).toEqual({ domain: 'usageLimits', reason: 'userRateLimitExceeded', message: 'User Rate Limit Exceeded' });
    expect(f.header('retry-after')).toBeNull();
    expect((await callsTo('calendarList.list')).length).toBe(3);
  });

  it('the quota window slides: after a second calls pass again', async () => {
    await emu.get().control.quota({ provider: 'google', email: 'alice@example.com', perSecond: 1 });
    await cal.calendarList.list();
    expect((await failure(cal.calendarList.list())).status).toBe(403);
    await new Promise((r) => setTimeout(r, 1050));
    expect((await cal.calendarList.list()).status).toBe(200);
  });

  it('switched to 429, googleapis retries a GET (4 attempts) but not a POST', async () => {
    await emu.get().control.quota({ provider: 'google', email: 'alice@example.com', perSecond: 0, googleThrottleStatus: 429 });
    const f = await failure(cal.calendarList.list());
    expect(f.status).toBe(429);
    expect(googleReason(f).reason).toBe('rateLimitExceeded');
    expect((await callsTo('calendarList.list')).length).toBe(4);
    expect((await failure(cal.events.insert({ calendarId: 'primary', requestBody: day }))).status).toBe(429);
    expect((await callsTo('events.insert')).length).toBe(1);
  });

  it('quota is per user', async () => {
    await emu.get().control.quota({ provider: 'google', email: 'bob@example.com', perSecond: 0 });
    expect((await cal.calendarList.list()).status).toBe(200);
  });
});

describe('faults', () => {
  it('a 503 for the next 2 calls: googleapis retries the GET and the third attempt succeeds', async () => {
    await emu.get().control.addFault({ provider: 'google', route: 'events.list', status: 503, times: 2 });
    const r = await cal.events.list({ calendarId: 'primary' });
    expect(r.status).toBe(200);
    expect((await callsTo('events.list')).map((e) => e.status)).toEqual([503, 503, 200]);
  });

  it('a 500 on insert (POST) reaches the caller at once in Google format', async () => {
    await emu.get().control.addFault({ provider: 'google', route: 'events.insert', status: 500, times: 1 });
    const f = await failure(cal.events.insert({ calendarId: 'primary', requestBody: day }));
    expect(f.status).toBe(500);
    expect(googleReason(f).reason).toBe('backendError');
    expect((await callsTo('events.insert')).length).toBe(1);
  });

  it('a fault may carry its own body and Retry-After', async () => {
    const body = { error: { errors: [{ domain: 'usageLimits', reason: 'quotaExceeded', message: 'Calendar usage limits exceeded.' }], code: 403, message: 'Calendar usage limits exceeded.' } };
    await emu.get().control.addFault({ provider: 'google', route: '*', status: 403, body, retryAfterSeconds: 7 });
    const f = await failure(cal.calendarList.list());
    expect(f.data).toEqual(body);
    expect(f.status).toBe(403);
    expect(f.header('retry-after')).toBe('7');
  });

  it('latency delays the answer', async () => {
    await emu.get().control.addFault({ provider: 'google', route: 'calendarList.list', latencyMs: 300 });
    const t = Date.now();
    expect((await cal.calendarList.list()).status).toBe(200);
    expect(Date.now() - t).toBeGreaterThanOrEqual(290);
  });

  it('a connection reset surfaces as a network error with no HTTP status', async () => {
    await emu.get().control.addFault({ provider: 'google', route: 'events.insert', reset: true, times: 1 });
    const f = await failure(cal.events.insert({ calendarId: 'primary', requestBody: day }));
    expect(f.status).toBeUndefined();
    expect(f.message).toMatch(/socket hang up|ECONNRESET|other side closed|fetch failed|terminated/i);
  });

  it('a probabilistic fault fails some calls and not others (seeded)', async () => {
    await emu.get().control.addFault({ provider: 'google', route: 'calendarList.list', status: 403, probability: 0.5 });
    let failed = 0;
    for (let i = 0; i < 20; i++) {
      try {
        await cal.calendarList.list();
      } catch {
        failed++;
      }
    }
    expect(failed).toBeGreaterThan(2);
    expect(failed).toBeLessThan(18);
  });

  it('google-auth-library retries the token endpoint on 5xx', async () => {
    await emu.get().control.addFault({ provider: 'google', route: 'token', status: 503, times: 1 });
    const { tokens } = await connectGoogle(emu.get(), 'bob@example.com');
    expect(tokens.access_token).toBeTruthy();
    expect((await callsTo('token')).map((e) => e.status).slice(-2)).toEqual([503, 200]);
  });

  it('DELETE /_emulator/faults clears every fault', async () => {
    await emu.get().control.addFault({ provider: 'google', route: '*', status: 500 });
    await emu.get().control.clearFaults();
    expect((await cal.calendarList.list()).status).toBe(200);
  });

  it('the request log names route, status and user of each call', async () => {
    await cal.calendarList.list();
    const last = (await emu.get().control.requests()).at(-1)!;
    expect(last).toMatchObject({ provider: 'google', route: 'calendarList.list', method: 'GET', path: '/calendar/v3/users/me/calendarList', status: 200, user: 'alice@example.com' });
  });
});
