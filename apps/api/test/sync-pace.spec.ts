// Sync writes are paced per account at the provider's rate, shared by every worker process:
// a burst of work runs at the quota instead of bouncing off it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../src/app.factory';
import { AppConfig } from '../src/config/app-config';
import { parseEnv } from '../src/config/env.schema';
import { startEmulatedTestApp, type EmulatedTestApp } from './support/calendar-emulator';
import { interventionBody } from './support/intervention-body';

const ALICE = 'alice@example.com';
const RATE = 3;
const PACED = { SYNC_WORKER_ENABLED: 'true', SYNC_POLL_INTERVAL_MS: '600000', SYNC_GOOGLE_CALLS_PER_SECOND: String(RATE) };
let t: EmulatedTestApp;

beforeAll(async () => {
  t = await startEmulatedTestApp(PACED);
});
afterAll(() => t?.close());

async function burst(count: number): Promise<{ calendarId: string; expected: number }> {
  await t.emu.control.reset();
  const auth = `Bearer ${await t.tokenFor(ALICE)}`;
  const dispatch = `Bearer ${await t.tokenFor('dispatch@example.com')}`;
  const aliceId = (await t.prisma.user.findUniqueOrThrow({ where: { email: ALICE } })).id;
  await t.http.delete('/api/v1/integrations/google?removeEvents=false').set('Authorization', auth).expect(204);
  await t.connect(ALICE, 'google');
  // Google's quota (a sliding second) just above our pace: one call per 1/RATE s can put
  // RATE + 1 in a sliding second, and the settings request's own calendar list shares the
  // first one. A write that bounced would be logged 403.
  await t.emu.control.quota({ provider: 'google', email: ALICE, perSecond: RATE + 2 });
  for (let i = 0; i < count; i++) {
    await t.http
      .post('/api/v1/interventions')
      .set('Authorization', dispatch)
      .send(interventionBody({ title: `Paced ${i}`, technicianId: aliceId }))
      .expect(201);
  }
  const { body: calendars } = await t.http.get('/api/v1/integrations/google/calendars').set('Authorization', auth).expect(200);
  const calendarId = calendars.find((c: { name: string }) => c.name === 'Interventions').id as string;
  const expected = await t.prisma.intervention.count({ where: { technicianId: aliceId, status: { not: 'CANCELLED' } } });
  await t.http.post('/api/v1/integrations/google/settings').set('Authorization', auth).send({ calendarId }).expect(200);
  return { calendarId, expected };
}

async function settle(calendarId: string, expected: number) {
  const started = Date.now();
  const live = async () => (await t.emu.control.state()).events.filter((e) => e.calendarId === calendarId && !e.deleted).length;
  await expect.poll(live, { timeout: 30_000, interval: 100 }).toBe(expected);
  const writes = (await t.emu.control.requests()).filter((r) => r.route.startsWith('events.') && r.method !== 'GET');
  return { seconds: (Date.now() - started) / 1000, writes };
}

describe('sync pacing', () => {
  it('writes a burst at the account rate without one throttled answer', async () => {
    const { calendarId, expected } = await burst(10);
    const { seconds, writes } = await settle(calendarId, expected);
    expect(writes.filter((w) => w.status === 403 || w.status === 429)).toEqual([]);
    // `expected` writes at RATE per second take at least (expected / RATE - 1) seconds.
    expect(seconds).toBeGreaterThanOrEqual(expected / RATE - 1.5);
  });

  it.runIf(process.env.DATABASE_URL)('holds the rate across two worker processes sharing the database', async () => {
    const second = await createApp(new AppConfig(parseEnv({ ...t.env, ...PACED })));
    await second.init();
    try {
      const { calendarId, expected } = await burst(10);
      const { seconds, writes } = await settle(calendarId, expected);
      expect(writes.filter((w) => w.status === 403 || w.status === 429)).toEqual([]);
      expect(seconds).toBeGreaterThanOrEqual(expected / RATE - 1.5);
    } finally {
      await second.close();
    }
  });
});
