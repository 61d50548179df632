// Two-way sync across operating-system processes on one PostgreSQL: the product's own worker
// entry point (dist/worker.main.js, what `pnpm worker` runs) and API processes (dist/main.js)
// pull the calendar. A worker killed with SIGKILL after it recorded a change but before the
// cursor moved leaves nothing behind, and the next pull records that change exactly once;
// two API processes pulling the same calendars record exactly one change per edit.
// PostgreSQL only: the embedded database lives inside one process.
import { createServer } from 'node:net';
import { Client } from 'pg';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { CalendarProviderId } from '@fs/contracts';
import { spawnEntry, type Spawned } from '../bench/bench-processes';
import { CalendarPuller } from '../src/integrations/inbound/calendar-puller';
import { wakeSyncWorkers } from '../src/integrations/sync/sync-job.repository';
import { startEmulatedTestApp, type EmulatedTestApp } from './support/calendar-emulator';
import { interventionBody } from './support/intervention-body';
import { ownerCalendar } from './support/owner-calendar';
import { syncHelpers } from './support/sync-helpers';

const TECHS = { google: 'alice@example.com', microsoft: 'bob@example.com' } as const;
const HOUR = 3_600_000;
let t: EmulatedTestApp;
let dispatch: string;
const userIds: Record<string, string> = {};
const h = syncHelpers(() => t);
const spawned: Spawned[] = [];

const freePort = () =>
  new Promise<number>((resolve) => {
    const server = createServer().listen(0, () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });

beforeAll(async () => {
  if (!process.env.DATABASE_URL) return;
  t = await startEmulatedTestApp({ SYNC_PULL_INTERVAL_MS: '600000' });
  dispatch = `Bearer ${await t.tokenFor('dispatch@example.com')}`;
  for (const email of Object.values(TECHS)) userIds[email] = (await t.prisma.user.findUniqueOrThrow({ where: { email } })).id;
});
afterAll(() => t?.close());
afterEach(async () => {
  await Promise.all(spawned.splice(0).map((p) => p.stop()));
});
beforeEach(async () => {
  if (!t) return;
  await t.emu.control.reset();
  for (const [provider, email] of Object.entries(TECHS)) {
    await t.http.delete(`/api/v1/integrations/${provider}?removeEvents=false`).set('Authorization', await h.auth(email)).expect(204);
  }
  await t.prisma.calendarChange.deleteMany();
});

/** The provider's technician in two-way with `count` interventions written and a first (full) pull done in this process. */
async function twoWayWith(provider: CalendarProviderId, count: number) {
  const email = TECHS[provider as keyof typeof TECHS];
  const { calendarId } = await h.connectWithCalendar(email, provider);
  await t.http.post(`/api/v1/integrations/${provider}/settings`).set('Authorization', await h.auth(email)).send({ syncMode: 'two-way' }).expect(200);
  const ids: string[] = [];
  for (let i = 0; i < count; i++) {
    const body = interventionBody({ technicianId: userIds[email], title: `Process test ${i}` });
    ids.push((await t.http.post('/api/v1/interventions').set('Authorization', dispatch).send(body).expect(201)).body.id);
  }
  await h.drain();
  await t.app.get(CalendarPuller).runOnce();
  const { integrationId } = await t.prisma.calendarPull.findFirstOrThrow({ where: { integration: { userId: userIds[email], provider } } });
  const owner = ownerCalendar(t.emu, provider, email, calendarId);
  /** The person moves our event of intervention `id` by `ms`. */
  const move = async (id: string, ms: number) => {
    const sync = await t.prisma.interventionSync.findFirstOrThrow({ where: { interventionId: id, integrationId } });
    const { startsAt, endsAt } = await t.prisma.intervention.findUniqueOrThrow({ where: { id } });
    await owner.move(sync.externalId!, new Date(startsAt.getTime() + ms), new Date(endsAt.getTime() + ms));
  };
  return { integrationId, ids, move };
}

const openChanges = () => t.prisma.calendarChange.findMany({ select: { interventionId: true, fingerprint: true } });

describe.runIf(process.env.DATABASE_URL).each(['google', 'microsoft'] as const)('two-way sync across processes (PostgreSQL, %s)', (provider) => {
  it('a worker killed (SIGKILL) between recording a change and saving the cursor leaves nothing; the next pull records it once', async () => {
    const { integrationId, ids, move } = await twoWayWith(provider, 1);
    const before = await t.prisma.calendarPull.findUniqueOrThrow({ where: { integrationId } });
    await move(ids[0]!, 2 * HOUR);
    // Two locks stop the worker exactly where a crash hurts: first before it records the change
    // (calendar_changes held in SHARE mode), then, once its claim is taken, at the cursor (the
    // pull's row held): the change is written in its transaction, the cursor not yet moved.
    const [tableLock, rowLock] = [new Client({ connectionString: t.env.DATABASE_URL }), new Client({ connectionString: t.env.DATABASE_URL })];
    await Promise.all([tableLock.connect(), rowLock.connect()]); // this file's own database
    // Asked outside both locking transactions: pg_stat_activity is a snapshot within a transaction.
    const waitingOn = async (table: string) =>
      Number((await t.prisma.$queryRaw<{ n: number }[]>`SELECT count(*)::int AS n FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND query ILIKE ${`%${table}%`}`)[0]!.n);
    try {
      await tableLock.query('BEGIN');
      await tableLock.query('LOCK TABLE calendar_changes IN SHARE MODE');
      await t.prisma.calendarPull.update({ where: { integrationId }, data: { nextPullAt: new Date(0) } });
      const worker = await spawnEntry('worker.main.js', { ...t.env, SYNC_PULL_INTERVAL_MS: '600000' }, 'sync worker running');
      spawned.push(worker);
      await expect.poll(() => waitingOn('calendar_changes'), { timeout: 20_000, interval: 50 }).toBeGreaterThan(0);
      await rowLock.query('BEGIN');
      await rowLock.query('SELECT 1 FROM calendar_pulls WHERE integration_id = $1 FOR UPDATE', [integrationId]);
      await tableLock.query('COMMIT');
      await expect.poll(() => waitingOn('calendar_pulls'), { timeout: 20_000, interval: 50 }).toBeGreaterThan(0);
      worker.child.kill('SIGKILL');
      await new Promise((resolve) => worker.child.once('exit', resolve));
    } finally {
      await tableLock.query('ROLLBACK').catch(() => undefined);
      await rowLock.query('ROLLBACK').catch(() => undefined);
      await Promise.all([tableLock.end(), rowLock.end()]);
    }

    // Nothing of the killed pull committed: no change, the cursor where it was.
    expect(await openChanges()).toEqual([]);
    expect((await t.prisma.calendarPull.findUniqueOrThrow({ where: { integrationId } })).cursor).toBe(before.cursor);

    // The lease of the dead worker passes; another worker process pulls from the old cursor.
    await t.prisma.calendarPull.update({ where: { integrationId }, data: { lockedUntil: null, nextPullAt: new Date(0) } });
    spawned.push(await spawnEntry('worker.main.js', { ...t.env, SYNC_PULL_INTERVAL_MS: '600000' }, 'sync worker running'));
    await expect.poll(async () => (await t.prisma.calendarPull.findUniqueOrThrow({ where: { integrationId } })).cursor, { timeout: 20_000, interval: 100 }).not.toBe(before.cursor);
    const changes = await openChanges();
    expect(changes.map((c) => c.interventionId)).toEqual([ids[0]]);

    // Replayed once more from the old cursor: still the one change.
    await t.prisma.calendarPull.update({ where: { integrationId }, data: { cursor: before.cursor, nextPullAt: new Date(0) } });
    await wakeSyncWorkers(t.prisma); // as a push notification would: the worker sleeps until its next due item otherwise
    await expect.poll(async () => (await t.prisma.calendarPull.findUniqueOrThrow({ where: { integrationId } })).cursor, { timeout: 20_000, interval: 100 }).not.toBe(before.cursor);
    expect(await openChanges()).toEqual(changes);
  }, 90_000);

  it('two API processes pulling the same calendar record exactly one change per edit', async () => {
    const { integrationId, ids, move } = await twoWayWith(provider, 6);
    await t.prisma.calendarPull.update({ where: { integrationId }, data: { nextPullAt: new Date(0) } });
    const env = { ...t.env, SYNC_WORKER_ENABLED: 'true', SYNC_PULL_INTERVAL_MS: '1000' };
    for (let i = 0; i < 2; i++) spawned.push(await spawnEntry('main.js', { ...env, PORT: String(await freePort()) }, 'API listening'));
    // One edit at a time, a little under a pull interval apart: each lands between pulls of one process or the other.
    for (const [i, id] of ids.entries()) {
      await move(id, (i + 1) * HOUR);
      await new Promise((resolve) => setTimeout(resolve, 700));
    }
    await expect.poll(async () => (await openChanges()).length, { timeout: 30_000, interval: 200 }).toBe(ids.length);
    await new Promise((resolve) => setTimeout(resolve, 3_000)); // three more pull intervals: nothing new
    const changes = await openChanges();
    expect(changes.map((c) => c.interventionId).sort()).toEqual([...ids].sort());
    expect(new Set(changes.map((c) => c.fingerprint)).size).toBe(ids.length);
    const pull = await t.prisma.calendarPull.findUniqueOrThrow({ where: { integrationId } });
    expect(pull.lastError).toBeNull();
  }, 90_000);
});
