// The worker wakes on commit, not on a timer: a committed job reaches a worker at once (in
// this process and, on PostgreSQL, in another one), a rolled-back one wakes nobody, and an
// account whose provider answers again gets its deferred jobs out without waiting for a
// backoff that grew during the outage.
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createApp } from '../src/app.factory';
import { AppConfig } from '../src/config/app-config';
import { parseEnv } from '../src/config/env.schema';
import { SyncJobRepository } from '../src/integrations/sync/sync-job.repository';
import { SyncWorkerLoop } from '../src/integrations/sync/sync-worker-loop';
import { startEmulatedTestApp, type EmulatedTestApp } from './support/calendar-emulator';
import { interventionBody } from './support/intervention-body';

const ALICE = 'alice@example.com';
/** The safety-net poll is ten minutes away: anything sooner came from a wake-up. */
const FAR_POLL = { SYNC_WORKER_ENABLED: 'true', SYNC_POLL_INTERVAL_MS: '600000' };
let t: EmulatedTestApp;
let dispatch: string;
let aliceId: string;

beforeAll(async () => {
  t = await startEmulatedTestApp(FAR_POLL);
  dispatch = `Bearer ${await t.tokenFor('dispatch@example.com')}`;
  aliceId = (await t.prisma.user.findUniqueOrThrow({ where: { email: ALICE } })).id;
});
afterAll(() => t?.close());
afterEach(() => t.clock.reset());
beforeEach(async () => {
  await t.emu.control.reset();
  await t.http.delete('/api/v1/integrations/google?removeEvents=false').set('Authorization', `Bearer ${await t.tokenFor(ALICE)}`).expect(204);
});

async function connectWithCalendar(): Promise<string> {
  const auth = `Bearer ${await t.tokenFor(ALICE)}`;
  await t.connect(ALICE, 'google');
  const { body: calendars } = await t.http.get('/api/v1/integrations/google/calendars').set('Authorization', auth).expect(200);
  const calendarId = calendars.find((c: { name: string }) => c.name === 'Interventions').id as string;
  await t.http.post('/api/v1/integrations/google/settings').set('Authorization', auth).send({ calendarId }).expect(200);
  return calendarId;
}

const create = async (title: string) =>
  (
    await t.http
      .post('/api/v1/interventions')
      .set('Authorization', dispatch)
      .send(interventionBody({ title, technicianId: aliceId }))
      .expect(201)
  ).body as { id: string };

const titles = async (calendarId: string) =>
  (await t.emu.control.state()).events.filter((e) => e.calendarId === calendarId && !e.deleted).map((e) => e.body.summary as string);

describe('sync worker wake-up', () => {
  it('writes a new intervention within seconds of its commit although the poll is ten minutes away', async () => {
    const calendarId = await connectWithCalendar();
    const started = Date.now();
    await create('Woken on commit');
    await expect.poll(() => titles(calendarId), { timeout: 5_000, interval: 50 }).toContain('Woken on commit');
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it('is woken by a committed enqueue and never by a rolled-back one', async () => {
    await connectWithCalendar();
    const { id: integrationId } = await t.prisma.calendarIntegration.findFirstOrThrow({ where: { userId: aliceId, provider: 'google' } });
    const { id } = await t.prisma.intervention.findFirstOrThrow({ where: { technicianId: aliceId } });
    const jobs = t.app.get(SyncJobRepository);
    let heard = 0;
    const unlisten = await jobs.listen(() => heard++);
    try {
      await jobs
        .transaction(async (tx) => {
          await jobs.enqueue(tx, integrationId, [id], t.clock.now());
          throw new Error('the intervention write failed');
        })
        .catch(() => undefined);
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(heard).toBe(0);
      await jobs.transaction((tx) => jobs.enqueue(tx, integrationId, [id], t.clock.now()));
      await expect.poll(() => heard, { timeout: 2_000, interval: 20 }).toBe(1);
    } finally {
      await unlisten();
    }
  });

  it.runIf(process.env.DATABASE_URL)('wakes the worker of another API process sharing the database', async () => {
    const calendarId = await connectWithCalendar();
    await expect.poll(() => titles(calendarId), { timeout: 10_000, interval: 100 }).not.toHaveLength(0);
    // This process stops working; a second one (its own worker, far poll) must hear the next commit.
    await t.app.get(SyncWorkerLoop).onModuleDestroy();
    const second = await createApp(new AppConfig(parseEnv({ ...t.env, ...FAR_POLL })));
    await second.init();
    try {
      await create('Heard by the other process');
      await expect.poll(() => titles(calendarId), { timeout: 5_000, interval: 50 }).toContain('Heard by the other process');
    } finally {
      await second.close();
    }
  });
});
