// Push channels (events.watch / channels.stop) through googleapis, with a local receiver
// (provider-apis.md A2.5, C14).
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { useEmulator } from '../helpers/emulator.js';
import { calendarApi, connectGoogle } from '../helpers/google.js';
import { failure, googleReason } from '../helpers/errors.js';

const emu = useEmulator();
let cal: ReturnType<typeof calendarApi>;
let receiver: http.Server;
let address: string;
let received: { headers: http.IncomingHttpHeaders; body: string }[] = [];
let answer = 200;

beforeAll(async () => {
  receiver = http.createServer((req, res) => {
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', () => {
      received.push({ headers: req.headers, body });
      res.statusCode = answer;
      res.end();
    });
  });
  await new Promise<void>((r) => receiver.listen(0, '127.0.0.1', r));
  address = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/notify`;
});
afterAll(() => new Promise<void>((r) => receiver.close(() => r())));

beforeEach(async () => {
  received = [];
  answer = 200;
  const { client } = await connectGoogle(emu.get());
  cal = calendarApi(emu.get(), client);
});

const until = async (cond: () => boolean) => {
  for (let i = 0; i < 100 && !cond(); i++) await new Promise((r) => setTimeout(r, 20));
  expect(cond()).toBe(true);
};
const day = { start: { date: '2026-12-01' }, end: { date: '2026-12-02' } };

describe('events.watch', () => {
  it('creates a channel, sends `sync` (message 1) then a bodiless `exists` per change', async () => {
    const { data } = await cal.events.watch({ calendarId: 'primary', requestBody: { id: 'chan-1', type: 'web_hook', address, token: 'tok' } });
    expect(data).toMatchObject({ kind: 'api#channel', id: 'chan-1', token: 'tok' });
    expect(typeof data.expiration).toBe('string');
    await until(() => received.length === 1);
    expect(received[0]!.headers).toMatchObject({ 'x-goog-channel-id': 'chan-1', 'x-goog-channel-token': 'tok', 'x-goog-resource-state': 'sync', 'x-goog-message-number': '1', 'x-goog-resource-id': data.resourceId });
    await cal.events.insert({ calendarId: 'primary', requestBody: day });
    await until(() => received.length === 2);
    expect(received[1]!.headers['x-goog-resource-state']).toBe('exists');
    expect(received[1]!.headers['x-goog-message-number']).toBe('2');
    expect(received[1]!.body).toBe('');
  });

  it('caps the lifetime at 7 days', async () => {
    const { data } = await cal.events.watch({ calendarId: 'primary', requestBody: { id: 'chan-2', type: 'web_hook', address, expiration: String(Date.now() + 30 * 24 * 3600_000) } });
    expect(Number(data.expiration)).toBeLessThanOrEqual(Date.now() + 7 * 24 * 3600_000 + 1000);
  });

  it('refuses a channel id already in use (channelIdNotUnique)', async () => {
    await cal.events.watch({ calendarId: 'primary', requestBody: { id: 'chan-3', type: 'web_hook', address } });
    const f = await failure(cal.events.watch({ calendarId: 'primary', requestBody: { id: 'chan-3', type: 'web_hook', address } }));
    expect(f.status).toBe(400);
    expect(googleReason(f).reason).toBe('channelIdNotUnique');
  });

  it('refuses a plain-http address that is not local (push.webhookUrlUnauthorized)', async () => {
    const f = await failure(cal.events.watch({ calendarId: 'primary', requestBody: { id: 'chan-4', type: 'web_hook', address: 'http://example.com/notify' } }));
    expect(googleReason(f).reason).toBe('push.webhookUrlUnauthorized');
  });

  it('retries a notification answered 5xx', async () => {
    answer = 503;
    await cal.events.watch({ calendarId: 'primary', requestBody: { id: 'chan-5', type: 'web_hook', address } });
    await until(() => received.length >= 2);
    expect(received.map((r) => r.headers['x-goog-message-number'])).toEqual(['1', '1']);
  });
});

describe('channels.stop', () => {
  it('stops notifications (204); stopping again is 404', async () => {
    const { data } = await cal.events.watch({ calendarId: 'primary', requestBody: { id: 'chan-6', type: 'web_hook', address } });
    await until(() => received.length === 1);
    expect((await cal.channels.stop({ requestBody: { id: 'chan-6', resourceId: data.resourceId } })).status).toBe(204);
    await cal.events.insert({ calendarId: 'primary', requestBody: day });
    await new Promise((r) => setTimeout(r, 150));
    expect(received).toHaveLength(1);
    expect((await failure(cal.channels.stop({ requestBody: { id: 'chan-6', resourceId: data.resourceId } }))).status).toBe(404);
  });
});
