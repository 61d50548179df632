// Push channel lifecycle through googleapis with a local receiver (push guide; provider-apis.md
// A2.5, C14): message numbers, expiry on the emulator clock, stop, retries of a failing
// receiver, delivery faults and the channel/delivery log of the control API, `not_exists`.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { useEmulator } from '../helpers/emulator.js';
import { calendarApi, connectGoogle } from '../helpers/google.js';
import { slot } from '../helpers/google-events.js';
import { startReceiver, states, until } from '../helpers/receiver.js';
import type { Receiver } from '../helpers/receiver.js';
import type { Json } from '../helpers/errors.js';

const emu = useEmulator();
let cal: ReturnType<typeof calendarApi>;
let rx: Receiver;

beforeAll(async () => {
  rx = await startReceiver();
});
afterAll(() => rx.close());
beforeEach(async () => {
  rx.clear();
  const { client } = await connectGoogle(emu.get());
  cal = calendarApi(emu.get(), client);
});

const log = async (): Promise<Json> => emu.get().control.call('GET', 'google/channels');
const quiet = () => new Promise((r) => setTimeout(r, 300));

/** The delivery log once every notification has an outcome (retries finished). */
async function settled(): Promise<Json[]> {
  for (let i = 0; i < 100; i++) {
    const { deliveries } = await log();
    if (deliveries.length && deliveries.every((d: Json) => d.outcome !== 'pending')) return deliveries;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error('deliveries still pending');
}
const insert = (day: number) => cal.events.insert({ calendarId: 'primary', requestBody: slot(day) });

async function watch(id: string, extra: Record<string, unknown> = {}) {
  const { data } = await cal.events.watch({ calendarId: 'primary', requestBody: { id, type: 'web_hook', address: rx.address, token: 'secret-1', ...extra } });
  await until(() => states(rx).includes('sync'));
  return data;
}

describe('notifications', () => {
  it('carry every X-Goog header; message numbers increase per channel', async () => {
    const ch = await watch('numbers');
    await insert(1);
    await until(() => rx.received.length === 2);
    await insert(2);
    await until(() => rx.received.length === 3);
    expect(rx.received.map((n) => n.headers['x-goog-message-number'])).toEqual(['1', '2', '3']);
    expect(states(rx)).toEqual(['sync', 'exists', 'exists']);
    const h = rx.received[2]!.headers;
    expect(h).toMatchObject({ 'x-goog-channel-id': 'numbers', 'x-goog-channel-token': 'secret-1', 'x-goog-resource-id': ch.resourceId, 'x-goog-resource-uri': ch.resourceUri });
    expect(Date.parse(String(h['x-goog-channel-expiration']))).toBe(Math.floor(Number(ch.expiration) / 1000) * 1000);
  });

  it('params.ttl sets the lifetime, still capped at 7 days', async () => {
    const short = await watch('ttl-short', { params: { ttl: '3600' } });
    expect(Number(short.expiration)).toBeGreaterThan(Date.now() + 3590_000);
    expect(Number(short.expiration)).toBeLessThanOrEqual(Date.now() + 3600_000);
    const long = await watch('ttl-long', { params: { ttl: String(90 * 24 * 3600) } });
    expect(Number(long.expiration)).toBeLessThanOrEqual(Date.now() + 7 * 24 * 3600_000);
  });
});

describe('channel end', () => {
  it('an expired channel stops delivering (emulator clock)', async () => {
    await watch('expiring', { expiration: String(Date.now() + 60_000) });
    await insert(1);
    await until(() => states(rx).includes('exists'));
    await emu.get().control.advanceClock(61_000);
    await insert(2);
    await quiet();
    expect(states(rx)).toEqual(['sync', 'exists']);
    expect((await log()).channels[0].state).toBe('expired');
  });

  it('a stopped channel stops delivering', async () => {
    const ch = await watch('stopping');
    await insert(1);
    await until(() => states(rx).includes('exists'));
    await cal.channels.stop({ requestBody: { id: 'stopping', resourceId: ch.resourceId } });
    await insert(2);
    await quiet();
    expect(states(rx)).toEqual(['sync', 'exists']);
    expect((await log()).channels[0].state).toBe('stopped');
  });

  it('a deleted calendar sends `not_exists`, then nothing; its events answer 404', async () => {
    const other = (await cal.calendarList.list()).data.items!.find((c) => c.summary === 'Interventions')!;
    await cal.events.watch({ calendarId: other.id!, requestBody: { id: 'gone', type: 'web_hook', address: rx.address } });
    await until(() => states(rx).includes('sync'));
    const res = await fetch(`${emu.get().url}/_emulator/google/owner/calendars/${encodeURIComponent(other.id!)}`, { method: 'DELETE' });
    expect(res.status).toBe(204);
    await until(() => states(rx).includes('not_exists'));
    expect(rx.received.map((n) => n.headers['x-goog-message-number'])).toEqual(['1', '2']);
    await expect(cal.events.list({ calendarId: other.id! })).rejects.toMatchObject({ status: 404 });
    expect((await log()).channels[0].state).toBe('gone');
  });
});

describe('retries', () => {
  it('a failing receiver (503) gets the same message again with backoff, then it is given up', async () => {
    rx.answer = 503;
    await cal.events.watch({ calendarId: 'primary', requestBody: { id: 'failing', type: 'web_hook', address: rx.address } });
    await until(() => rx.received.length === 4, 8000);
    expect(rx.received.map((n) => n.headers['x-goog-message-number'])).toEqual(['1', '1', '1', '1']);
    expect(await settled()).toEqual([expect.objectContaining({ channelId: 'failing', messageNumber: 1, attempts: 4, statuses: [503, 503, 503, 503], status: 503, outcome: 'failed' })]);
    await quiet();
    expect(rx.received).toHaveLength(4);
  }, 15_000);

  it('a receiver that is down (fault) is retried and gets the message once it is back', async () => {
    await emu.get().control.call('POST', 'google/push/faults', { down: true, times: 2 });
    await cal.events.watch({ calendarId: 'primary', requestBody: { id: 'down', type: 'web_hook', address: rx.address } });
    await until(() => rx.received.length === 1, 4000);
    expect((await settled())[0]).toMatchObject({ messageNumber: 1, attempts: 3, statuses: [0, 0, 200], outcome: 'delivered' });
  });

  it('a 4xx answer is a failure that is not retried', async () => {
    rx.answer = 404;
    await cal.events.watch({ calendarId: 'primary', requestBody: { id: 'not-found', type: 'web_hook', address: rx.address } });
    await until(() => rx.received.length === 1);
    await quiet();
    expect(rx.received).toHaveLength(1);
    expect((await settled())[0]).toMatchObject({ attempts: 1, status: 404, outcome: 'failed' });
  });

  it('a slow network (fault) delays the notification', async () => {
    await emu.get().control.call('POST', 'google/push/faults', { latencyMs: 400 });
    const t0 = Date.now();
    await cal.events.watch({ calendarId: 'primary', requestBody: { id: 'slow', type: 'web_hook', address: rx.address } });
    await until(() => rx.received.length === 1);
    expect(Date.now() - t0).toBeGreaterThanOrEqual(400);
  });
});
