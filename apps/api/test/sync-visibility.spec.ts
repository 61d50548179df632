// What a person is told about sync (issue 10): each intervention's state per calendar, each
// integration's health and progress, retry, and disconnect removing our events first. The
// real app and database, the real SDKs against the in-process emulator; the worker is run by
// hand (drain) so each test decides when the outbox is processed.
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { SyncJobRepository } from '../src/integrations/sync/sync-job.repository';
import { SyncWorker } from '../src/integrations/sync/sync-worker';
import { startEmulatedTestApp, type EmulatedTestApp } from './support/calendar-emulator';
import { syncHelpers } from './support/sync-helpers';

const ALICE = 'alice@example.com';
let t: EmulatedTestApp;
let dispatch: string;
let aliceId: string;
const { auth, connectWithCalendar, drain, liveEvents, integration, grantRevokedAtProvider } = syncHelpers(() => t);

beforeAll(async () => {
  t = await startEmulatedTestApp();
  dispatch = await auth('dispatch@example.com');
  aliceId = (await t.prisma.user.findUniqueOrThrow({ where: { email: ALICE } })).id;
});
afterAll(() => t?.close());
afterEach(() => t.clock.reset());
beforeEach(async () => {
  await t.emu.control.reset();
  await t.http.delete('/api/v1/integrations/google?removeEvents=false').set('Authorization', await auth(ALICE)).expect(204);
  await t.prisma.syncJob.deleteMany();
  await t.prisma.interventionSync.deleteMany();
});

const create = async (title: string) =>
  (
    await t.http
      .post('/api/v1/interventions')
      .set('Authorization', dispatch)
      .send({
        title,
        clientName: 'M. Bernard',
        address: '5 rue Victor Hugo, 33000 Bordeaux',
        startsAt: '2027-01-12T09:00:00+01:00',
        endsAt: '2027-01-12T10:30:00+01:00',
        timeZone: 'Europe/Paris',
        technicianId: aliceId,
      })
      .expect(201)
  ).body as { id: string; sync: unknown[] };

const get = async (id: string) => (await t.http.get(`/api/v1/interventions/${id}`).set('Authorization', await auth(ALICE)).expect(200)).body;
const inserts = async () => (await t.emu.control.requests()).filter((r) => r.route === 'events.insert' && r.status < 300);
const titled = async (calendarId: string, title: string) => (await liveEvents(calendarId)).filter((e) => e.body.summary === title);

describe('sync state of each intervention, health of each integration', () => {
  it('a permanent refusal shows "failed" with its reason on the intervention and the card; retry writes the event once', async () => {
    const { calendarId } = await connectWithCalendar(ALICE, 'google');
    await drain();
    await t.emu.control.addFault({ provider: 'google', route: 'events.insert', status: 400, times: 1 });
    const { id, sync: atCreation } = await create('Refused');
    expect(atCreation).toEqual([{ provider: 'google', state: 'pending', syncedAt: null, reason: null }]);
    await drain();

    expect((await get(id)).sync).toEqual([{ provider: 'google', state: 'failed', syncedAt: null, reason: 'PERMANENT' }]);
    const { body: list } = await t.http.get('/api/v1/interventions').set('Authorization', await auth(ALICE)).expect(200);
    expect(list.find((i: { id: string }) => i.id === id).sync).toEqual([{ provider: 'google', state: 'failed', syncedAt: null, reason: 'PERMANENT' }]);
    expect(await integration(ALICE, 'google')).toMatchObject({
      status: 'CONNECTED',
      lastError: 'PERMANENT',
      health: { failedCount: 1, pendingCount: 0, progress: null, lastSyncedAt: expect.any(String) },
    });

    await t.emu.control.clearFaults();
    const before = (await inserts()).length;
    const { body: retried } = await t.http.post(`/api/v1/interventions/${id}/sync/retry`).set('Authorization', await auth(ALICE)).expect(200);
    expect(retried.sync).toEqual([{ provider: 'google', state: 'pending', syncedAt: null, reason: 'PERMANENT' }]);
    await drain();
    expect((await inserts()).length - before).toBe(1);
    expect(await titled(calendarId, 'Refused')).toHaveLength(1);
    expect((await get(id)).sync).toEqual([{ provider: 'google', state: 'synced', syncedAt: expect.any(String), reason: null }]);
    expect(await integration(ALICE, 'google')).toMatchObject({ lastError: null, health: { failedCount: 0, pendingCount: 0 } });
  });

  it('a failed intervention is written again when it changes, without anyone pressing retry', async () => {
    const { calendarId } = await connectWithCalendar(ALICE, 'google');
    await drain();
    await t.emu.control.addFault({ provider: 'google', route: 'events.insert', status: 400, times: 1 });
    const { id } = await create('Refused then edited');
    await drain();
    expect((await get(id)).sync[0]).toMatchObject({ state: 'failed' });
    await t.http.patch(`/api/v1/interventions/${id}`).set('Authorization', dispatch).send({ title: 'Edited after the refusal' }).expect(200);
    await drain();
    expect(await titled(calendarId, 'Edited after the refusal')).toHaveLength(1);
    expect((await get(id)).sync[0]).toMatchObject({ state: 'synced' });
  });

  it('another technician’s intervention cannot be retried by a technician', async () => {
    const bobsIntervention = await t.prisma.intervention.findFirstOrThrow({ where: { technician: { email: 'bob@example.com' } } });
    await t.http.post(`/api/v1/interventions/${bobsIntervention.id}/sync/retry`).set('Authorization', await auth(ALICE)).expect(404);
  });

  it('connecting with 40 interventions shows the progress, then each intervention is synced', { timeout: 90_000 }, async () => {
    const existing = await t.prisma.intervention.count({ where: { technicianId: aliceId, status: { not: 'CANCELLED' } } });
    for (let i = existing; i < 40; i++) await create(`Bulk ${i}`);
    await t.connect(ALICE, 'google');
    await drain(); // what the connect enqueued waits for a calendar: no progress to show yet
    expect((await integration(ALICE, 'google')).health).toMatchObject({ pendingCount: 40, progress: null });
    const { settings } = await connectWithCalendar(ALICE, 'google');
    // Never "your interventions appear in..." before the first write: the answer already says 0 of 40.
    expect(settings.health.progress).toEqual({ kind: 'writing', done: 0, total: 40 });

    await t.app.get(SyncWorker).runOnce(); // one batch: part of the way
    const midway = (await integration(ALICE, 'google')).health.progress;
    expect(midway.total).toBe(40);
    expect(midway.done).toBeGreaterThan(0);
    expect(midway.done).toBeLessThan(40);

    await drain();
    const done = await integration(ALICE, 'google');
    expect(done.health).toMatchObject({ progress: null, pendingCount: 0, failedCount: 0, lastSyncedAt: expect.any(String) });
    const { body: list } = await t.http.get('/api/v1/interventions').set('Authorization', await auth(ALICE)).expect(200);
    const current = list.filter((i: { status: string }) => i.status !== 'CANCELLED');
    expect(current).toHaveLength(40);
    for (const item of current) expect(item.sync).toEqual([{ provider: 'google', state: 'synced', syncedAt: expect.any(String), reason: null }]);
  });
});

describe('the first sync', () => {
  it('does not strand a job the worker parks while the person chooses the calendar', async () => {
    await t.connect(ALICE, 'google'); // no calendar yet: the jobs enqueued now will be parked
    const state = t.app.get(SyncJobRepository);
    const claimed = await state.claim(t.clock.now(), 100);
    expect(claimed.length).toBeGreaterThan(0);
    const { calendarId } = await connectWithCalendar(ALICE, 'google'); // a calendar chosen while "the worker decides"
    for (const job of claimed) await state.park(job, null); // what the worker decided before the choice
    expect(await t.prisma.syncJob.count({ where: { status: 'PARKED' } })).toBe(0);
    await drain();
    const expected = await t.prisma.intervention.count({ where: { technicianId: aliceId, status: { not: 'CANCELLED' } } });
    expect(await liveEvents(calendarId)).toHaveLength(expected);
  });
});

describe('a grant revoked at the provider', () => {
  it('turns the integration to NEEDS_RECONNECT on the next list, with no sync work to reveal it', async () => {
    await connectWithCalendar(ALICE, 'google');
    await drain();
    expect(await integration(ALICE, 'google')).toMatchObject({ status: 'CONNECTED' });
    await t.emu.control.revokeGrant('google', ALICE);
    t.clock.advance(2_000); // the next poll of an open Settings page
    expect(await integration(ALICE, 'google')).toMatchObject({ status: 'NEEDS_RECONNECT', lastError: 'AUTH_REVOKED' });
  });

  it('asks the provider at most once per interval, however often the page polls', async () => {
    await connectWithCalendar(ALICE, 'google');
    const lists = async () => (await t.emu.control.requests()).filter((r) => r.route === 'calendarList.list').length;
    t.clock.advance(60_000); // well past any check an earlier test made
    const before = await lists();
    for (let i = 0; i < 3; i++) await integration(ALICE, 'google');
    expect((await lists()) - before).toBe(1);
    t.clock.advance(2_000);
    await integration(ALICE, 'google');
    expect((await lists()) - before).toBe(2);
  });
});

describe('disconnect', () => {
  it('with "remove events" (the default): our events leave the calendar first, then the grant is revoked and forgotten', { timeout: 90_000 }, async () => {
    const { calendarId } = await connectWithCalendar(ALICE, 'google');
    await drain();
    const written = (await liveEvents(calendarId)).length;
    expect(written).toBeGreaterThan(0);
    // A provider failing for a while: the removals are retried later; the revoke must wait.
    // (Google's 403 rateLimitExceeded: the SDK does not retry it by itself, our worker does.)
    await t.emu.control.addFault({
      provider: 'google',
      route: 'events.delete',
      status: 403,
      body: { error: { code: 403, message: 'Rate Limit Exceeded', errors: [{ reason: 'rateLimitExceeded', domain: 'usageLimits', message: 'Rate Limit Exceeded' }] } },
    });

    const { body: removing } = await t.http.delete('/api/v1/integrations/google').set('Authorization', await auth(ALICE)).expect(202);
    expect(removing).toMatchObject({ status: 'DISCONNECTING', health: { progress: { kind: 'removing', done: 0, total: written } } });
    await drain();
    expect((await liveEvents(calendarId)).length).toBeGreaterThan(0);
    expect(await grantRevokedAtProvider(ALICE, 'google')).toBe(false);
    expect(await integration(ALICE, 'google')).toMatchObject({ status: 'DISCONNECTING' });

    await t.emu.control.clearFaults();
    t.clock.advance(60 * 60_000); // the retries are due
    await drain();
    expect(await liveEvents(calendarId)).toHaveLength(0);
    expect(await grantRevokedAtProvider(ALICE, 'google')).toBe(true);
    expect(await integration(ALICE, 'google')).toMatchObject({ status: 'NOT_CONNECTED', accountEmail: null, health: { pendingCount: 0 } });
    expect(await t.prisma.syncJob.count()).toBe(0);
    const row = await t.prisma.calendarIntegration.findFirstOrThrow({ where: { userId: aliceId, provider: 'google' } });
    expect(row).toMatchObject({ accessTokenEncrypted: null, refreshTokenEncrypted: null });
  });

  it('keeping the events: disconnected at once, the events stay, the grant is revoked', async () => {
    const { calendarId } = await connectWithCalendar(ALICE, 'google');
    await drain();
    const written = (await liveEvents(calendarId)).length;
    await t.http.delete('/api/v1/integrations/google?removeEvents=false').set('Authorization', await auth(ALICE)).expect(204);
    expect(await liveEvents(calendarId)).toHaveLength(written);
    expect(await grantRevokedAtProvider(ALICE, 'google')).toBe(true);
    expect(await integration(ALICE, 'google')).toMatchObject({ status: 'NOT_CONNECTED' });
  });

  it('a grant revoked during the removal completes the disconnect (nothing more can be removed)', async () => {
    await connectWithCalendar(ALICE, 'google');
    await drain();
    await t.http.delete('/api/v1/integrations/google').set('Authorization', await auth(ALICE)).expect(202);
    await t.emu.control.revokeGrant('google', ALICE);
    await drain();
    expect(await integration(ALICE, 'google')).toMatchObject({ status: 'NOT_CONNECTED' });
    expect(await t.prisma.syncJob.count()).toBe(0);
  });

  it('refuses a removeEvents that is not true or false, naming it', async () => {
    const { body } = await t.http.delete('/api/v1/integrations/google?removeEvents=yes').set('Authorization', await auth(ALICE)).expect(400);
    expect(body.fields).toEqual([expect.objectContaining({ field: 'removeEvents' })]);
  });
});
