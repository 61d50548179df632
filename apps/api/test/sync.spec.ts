// Calendar sync end to end: the real app and database, the real provider SDKs speaking
// HTTP to the in-process emulator, and the sync worker driven by hand (runOnce) so each
// test decides when the outbox is processed.
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { CalendarProviderId } from '@fs/contracts';
import { CLAIM_LEASE_MS, SyncJobRepository } from '../src/integrations/sync/sync-job.repository';
import { SyncWorker } from '../src/integrations/sync/sync-worker';
import { startEmulatedTestApp, type EmulatedTestApp } from './support/calendar-emulator';
import { interventionBody } from './support/intervention-body';

const DAY = 86_400_000;
const ALICE = 'alice@example.com';
const BOB = 'bob@example.com';
let t: EmulatedTestApp;
let worker: SyncWorker;
let dispatch: string;
let aliceId: string;
let bobId: string;

beforeAll(async () => {
  t = await startEmulatedTestApp(); // NODE_ENV=test: the worker only runs when a test calls runOnce()
  worker = t.app.get(SyncWorker);
  dispatch = `Bearer ${await t.tokenFor('dispatch@example.com')}`;
  aliceId = (await t.prisma.user.findUniqueOrThrow({ where: { email: ALICE } })).id;
  bobId = (await t.prisma.user.findUniqueOrThrow({ where: { email: BOB } })).id;
});
afterAll(() => t?.close());
afterEach(() => t.clock.reset());
beforeEach(async () => {
  await t.emu.control.reset();
  for (const [email, provider] of [[ALICE, 'google'], [BOB, 'microsoft']] as const) {
    // Cleanup only: the emulator was reset, so there is nothing of ours left to remove.
    await t.http.delete(`/api/v1/integrations/${provider}?removeEvents=false`).set('Authorization', `Bearer ${await t.tokenFor(email)}`).expect(204);
  }
  await t.prisma.syncJob.deleteMany();
  await t.prisma.interventionSync.deleteMany();
});

/** Connects through the HTTP consent flow and targets the account's "Interventions" calendar. */
async function connectWithCalendar(email: string, provider: CalendarProviderId): Promise<string> {
  const auth = `Bearer ${await t.tokenFor(email)}`;
  await t.connect(email, provider);
  const { body: calendars } = await t.http.get(`/api/v1/integrations/${provider}/calendars`).set('Authorization', auth).expect(200);
  const calendarId = calendars.find((c: { name: string }) => c.name === 'Interventions').id as string;
  await t.http.post(`/api/v1/integrations/${provider}/settings`).set('Authorization', auth).send({ calendarId }).expect(200);
  return calendarId;
}

/** Runs the worker until the outbox has nothing due. */
async function drain(): Promise<void> {
  for (let i = 0; i < 50 && (await worker.runOnce()) > 0; i++);
}

async function liveEvents(calendarId: string) {
  const { events } = await t.emu.control.state();
  return events.filter((e) => e.calendarId === calendarId && !e.deleted);
}

/** Provider calls that write events (anything but reads), as the emulator logged them. */
async function eventWrites() {
  return (await t.emu.control.requests()).filter((r) => /events/.test(r.route) && r.method !== 'GET');
}

const create = async (overrides: Record<string, unknown> = {}) =>
  (
    await t.http
      .post('/api/v1/interventions')
      .set('Authorization', dispatch)
      .send(interventionBody({ technicianId: aliceId, ...overrides }))
      .expect(201)
  ).body as { id: string };

const patch = (id: string, body: Record<string, unknown>) =>
  t.http.patch(`/api/v1/interventions/${id}`).set('Authorization', dispatch).send(body).expect(200);

describe('calendar sync', () => {
  it('choosing a calendar puts every current intervention of the person in it', async () => {
    const calendarId = await connectWithCalendar(ALICE, 'google');
    await drain();
    const expected = await t.prisma.intervention.count({
      where: { technicianId: aliceId, status: { not: 'CANCELLED' }, endsAt: { gte: new Date(Date.now() - 30 * DAY) } },
    });
    expect(expected).toBeGreaterThan(0);
    expect(await liveEvents(calendarId)).toHaveLength(expected);
    const states = await t.prisma.interventionSync.findMany({ select: { status: true } });
    expect(states).toHaveLength(expected);
    expect(states.every((s) => s.status === 'SYNCED')).toBe(true);
  });

  it('writes nothing at the provider during the HTTP request: only the worker does', async () => {
    await connectWithCalendar(ALICE, 'google');
    await drain();
    const before = (await t.emu.control.requests()).length;
    const { id } = await create();
    await patch(id, { title: 'Edited in the request' });
    expect((await t.emu.control.requests()).length).toBe(before);
    expect(await t.prisma.syncJob.count({ where: { interventionId: id } })).toBe(1);
  });

  it('creates the event, then updates that same event on edit and reschedule, then removes it on cancel', async () => {
    const calendarId = await connectWithCalendar(ALICE, 'google');
    await drain();
    const { id } = await create({ title: 'Lifecycle' });
    await drain();
    const byTitle = async (title: string) => (await liveEvents(calendarId)).filter((e) => e.body.summary === title);
    const [created] = await byTitle('Lifecycle');
    // The default event privacy settings: the address, not the client (event-privacy.spec.ts).
    expect(created?.body).toMatchObject({ location: '5 rue Victor Hugo, 33000 Bordeaux', visibility: 'private' });

    await patch(id, { title: 'Lifecycle moved', startsAt: '2027-01-13T14:00:00+01:00', endsAt: '2027-01-13T15:00:00+01:00' });
    await drain();
    const updated = await byTitle('Lifecycle moved');
    expect(updated).toHaveLength(1);
    expect(updated[0]!.id).toBe(created!.id);
    expect(await byTitle('Lifecycle')).toHaveLength(0);
    expect(await t.prisma.interventionSync.findFirstOrThrow({ where: { interventionId: id } })).toMatchObject({ status: 'SYNCED', syncedVersion: 2 });

    await t.http.post(`/api/v1/interventions/${id}/cancel`).set('Authorization', dispatch).expect(200);
    await drain();
    expect(await byTitle('Lifecycle moved')).toHaveLength(0);
    expect(await t.prisma.interventionSync.count({ where: { interventionId: id } })).toBe(0);
  });

  it('removes the event when the intervention is deleted', async () => {
    const calendarId = await connectWithCalendar(ALICE, 'google');
    await drain();
    const { id } = await create({ title: 'Deleted later' });
    await drain();
    const titled = async () => (await liveEvents(calendarId)).filter((e) => e.body.summary === 'Deleted later');
    expect(await titled()).toHaveLength(1);
    await t.http.delete(`/api/v1/interventions/${id}`).set('Authorization', dispatch).expect(204);
    await drain();
    expect(await titled()).toHaveLength(0);
    expect(await t.prisma.syncJob.count({ where: { interventionId: id } })).toBe(0);
  });

  it('coalesces repeated edits made before the worker runs into one job and one provider write', async () => {
    const calendarId = await connectWithCalendar(ALICE, 'google');
    await drain();
    const { id } = await create();
    for (const title of ['edit one', 'edit two', 'edit three']) await patch(id, { title });
    expect(await t.prisma.syncJob.count({ where: { interventionId: id } })).toBe(1);
    const before = (await eventWrites()).length;
    await drain();
    expect((await eventWrites()).length - before).toBe(1);
    expect((await liveEvents(calendarId)).filter((e) => e.body.summary === 'edit three')).toHaveLength(1);
  });

  it('moves the event from Alice’s Google calendar to Bob’s Outlook calendar on reassignment', async () => {
    const aliceCalendar = await connectWithCalendar(ALICE, 'google');
    const bobCalendar = await connectWithCalendar(BOB, 'microsoft');
    await drain();
    const { id } = await create({ title: 'Reassigned job' });
    await drain();
    expect((await liveEvents(aliceCalendar)).filter((e) => e.body.summary === 'Reassigned job')).toHaveLength(1);

    await patch(id, { technicianId: bobId });
    await drain();
    expect((await liveEvents(aliceCalendar)).filter((e) => e.body.summary === 'Reassigned job')).toHaveLength(0);
    expect((await liveEvents(bobCalendar)).filter((e) => e.body.subject === 'Reassigned job')).toHaveLength(1);
  });

  it('reschedules a throttled write and completes it later without a duplicate', async () => {
    const calendarId = await connectWithCalendar(ALICE, 'google');
    await drain();
    await t.emu.control.addFault({ provider: 'google', route: '*', status: 429, retryAfterSeconds: 30, times: 20 });
    const { id } = await create({ title: 'Throttled' });
    await worker.runOnce();
    const job = await t.prisma.syncJob.findFirstOrThrow({ where: { interventionId: id } });
    expect(job).toMatchObject({ attempts: 1, lastError: 'RATE_LIMITED', status: 'PENDING' });
    expect(job.runAfter.getTime()).toBeGreaterThan(Date.now() + 20_000);
    expect(await t.prisma.interventionSync.findFirstOrThrow({ where: { interventionId: id } })).toMatchObject({ status: 'PENDING', lastError: 'RATE_LIMITED' });

    await t.emu.control.clearFaults();
    t.clock.advance(job.runAfter.getTime() - t.clock.now().getTime()); // the retry is due
    await drain();
    expect(await t.prisma.syncJob.count()).toBe(0);
    expect((await liveEvents(calendarId)).filter((e) => e.body.summary === 'Throttled')).toHaveLength(1);
  });

  it('sends the jobs an outage deferred as soon as the provider answers this account again', async () => {
    const calendarId = await connectWithCalendar(ALICE, 'google');
    await drain();
    await t.emu.control.addFault({ provider: 'google', route: 'events.insert', status: 503 });
    const waiting = [await create({ title: 'Deferred 1' }), await create({ title: 'Deferred 2' })];
    // The outage lasts: each retry fails and the backoff grows (about 1, 2, 4, 8 s...). Each
    // round waits for the later of the two (full jitter spreads them), so both are tried every
    // round and the last one leaves both at least a second (RETRY_BASE_MS) in the future.
    for (let round = 0; round < 5; round++) {
      await worker.runOnce();
      const jobs = await t.prisma.syncJob.findMany({ where: { interventionId: { in: waiting.map((w) => w.id) } } });
      const latest = Math.max(...jobs.map((job) => job.runAfter.getTime()));
      if (round < 4) t.clock.advance(latest - t.clock.now().getTime());
    }
    const deferred = await t.prisma.syncJob.findMany({ where: { interventionId: { in: waiting.map((w) => w.id) } } });
    expect(deferred.map((job) => [job.lastError, job.runAfter > t.clock.now()])).toEqual([["TRANSIENT", true], ["TRANSIENT", true]]);

    await t.emu.control.clearFaults();
    await create({ title: 'After the outage' });
    await worker.runOnce(); // the new one goes through: Google answers this account again
    await worker.runOnce(); // ...so the deferred ones are due now, not at the end of their backoff
    expect((await liveEvents(calendarId)).map((e) => e.body.summary)).toEqual(expect.arrayContaining(['Deferred 1', 'Deferred 2', 'After the outage']));
  });

  it('makes no duplicate when the process died after the provider write and before our commit', async () => {
    const calendarId = await connectWithCalendar(ALICE, 'google');
    await drain();
    const { id } = await create({ title: 'Crash' });
    await drain();
    // What a crash leaves: the event exists at the provider, we know nothing of it, the job is still due.
    await t.prisma.interventionSync.deleteMany({ where: { interventionId: id } });
    const integration = await t.prisma.calendarIntegration.findFirstOrThrow({ where: { userId: aliceId, provider: 'google' } });
    await t.prisma.syncJob.create({ data: { integrationId: integration.id, interventionId: id } });
    await drain();
    expect((await liveEvents(calendarId)).filter((e) => e.body.summary === 'Crash')).toHaveLength(1);
    expect(await t.prisma.interventionSync.findFirstOrThrow({ where: { interventionId: id } })).toMatchObject({ status: 'SYNCED' });
  });

  it('stops on a revoked grant: the integration needs a reconnect and its jobs wait for it', async () => {
    await connectWithCalendar(ALICE, 'google');
    await drain();
    await t.emu.control.revokeGrant('google', ALICE);
    await t.emu.control.expireTokens('google', ALICE).catch(() => undefined);
    t.clock.advance(2 * 60 * 60_000); // the stored access token has expired: the worker must refresh
    const { id } = await create({ title: 'Revoked' });
    await drain();
    const integration = await t.prisma.calendarIntegration.findFirstOrThrow({ where: { userId: aliceId, provider: 'google' } });
    expect(integration).toMatchObject({ status: 'NEEDS_RECONNECT', lastError: 'AUTH_REVOKED' });
    expect(await t.prisma.syncJob.findFirstOrThrow({ where: { interventionId: id } })).toMatchObject({ status: 'PARKED' });
    const before = (await t.emu.control.requests()).length;
    expect(await worker.runOnce()).toBe(0);
    expect((await t.emu.control.requests()).length).toBe(before);
  });

  it('hands each due job to one claimer only, and again to another once a crashed claim’s lease passed', async () => {
    await connectWithCalendar(ALICE, 'google');
    const due = await t.prisma.syncJob.count();
    expect(due).toBeGreaterThan(1);
    const state = t.app.get(SyncJobRepository);
    const now = new Date();
    const [a, b] = await Promise.all([state.claim(now, 100), state.claim(now, 100)]);
    const ids = [...a, ...b].map((j) => j.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toHaveLength(due);
    expect(await state.claim(now, 100)).toHaveLength(0);
    // Nobody finished them (a crash): claimable again after the lease.
    expect(await state.claim(new Date(now.getTime() + CLAIM_LEASE_MS + 1), 100)).toHaveLength(due);
  });

  it('keeps a change made while the worker was writing: the job runs again instead of being dropped', async () => {
    const calendarId = await connectWithCalendar(ALICE, 'google');
    await drain();
    const { id } = await create({ title: 'Before' });
    const state = t.app.get(SyncJobRepository);
    const [job] = (await state.claim(new Date(), 100)).filter((j) => j.interventionId === id);
    await patch(id, { title: 'After' }); // arrives while "the provider call runs"
    await state.finish(job!);
    expect(await t.prisma.syncJob.findFirstOrThrow({ where: { interventionId: id } })).toMatchObject({ lockedUntil: null });
    await drain();
    expect((await liveEvents(calendarId)).filter((e) => e.body.summary === 'After')).toHaveLength(1);
  });

  it('never strands a job it parked while the person was choosing a calendar: the newer enqueue wins', async () => {
    await t.connect(ALICE, 'google'); // connected, no calendar yet: a change only parks
    const { id } = await create({ title: 'Chosen meanwhile' });
    const jobs = t.app.get(SyncJobRepository);
    const [job] = (await jobs.claim(t.clock.now(), 100)).filter((j) => j.interventionId === id);
    // The worker decided "park: no calendar"; before it writes that, the person picks one.
    const calendarId = await connectWithCalendar(ALICE, 'google');
    await jobs.park(job!, null);
    expect(await t.prisma.syncJob.findFirstOrThrow({ where: { interventionId: id } })).toMatchObject({ status: 'PENDING', lockedUntil: null });
    await drain();
    expect((await liveEvents(calendarId)).filter((e) => e.body.summary === 'Chosen meanwhile')).toHaveLength(1);
  });

  it('moves the events when the person chooses another calendar', async () => {
    const first = await connectWithCalendar(ALICE, 'google');
    await drain();
    const count = (await liveEvents(first)).length;
    expect(count).toBeGreaterThan(0);
    const auth = `Bearer ${await t.tokenFor(ALICE)}`;
    const { body: calendars } = await t.http.get('/api/v1/integrations/google/calendars').set('Authorization', auth).expect(200);
    const second = calendars.find((c: { primary: boolean }) => c.primary).id as string;
    await t.http.post('/api/v1/integrations/google/settings').set('Authorization', auth).send({ calendarId: second }).expect(200);
    await drain();
    expect(await liveEvents(first)).toHaveLength(0);
    expect(await liveEvents(second)).toHaveLength(count);
  });

  it('a first sync writes the last 30 days and what follows, not the whole history; a calendar change still moves every event written', async () => {
    const slot = (daysAgo: number) => {
      const startsAt = new Date(Date.now() - daysAgo * DAY);
      return { startsAt: startsAt.toISOString(), endsAt: new Date(startsAt.getTime() + 3_600_000).toISOString() };
    };
    const { id: old } = await create({ title: 'Two months ago', ...slot(60) });
    await create({ title: 'Ten days ago', ...slot(10) });
    const first = await connectWithCalendar(ALICE, 'google');
    await drain();
    const titles = async (calendarId: string) => (await liveEvents(calendarId)).map((e) => e.body.summary);
    expect(await titles(first)).toContain('Ten days ago');
    expect(await titles(first)).not.toContain('Two months ago');

    // A change to an old intervention is still written: the window bounds the first sync only.
    await patch(old, { title: 'Two months ago, edited' });
    await drain();
    expect(await titles(first)).toContain('Two months ago, edited');
    const auth = `Bearer ${await t.tokenFor(ALICE)}`;
    const { body: calendars } = await t.http.get('/api/v1/integrations/google/calendars').set('Authorization', auth).expect(200);
    const second = calendars.find((c: { primary: boolean }) => c.primary).id as string;
    await t.http.post('/api/v1/integrations/google/settings').set('Authorization', auth).send({ calendarId: second }).expect(200);
    await drain();
    expect(await titles(first)).toHaveLength(0);
    expect(await titles(second)).toContain('Two months ago, edited');
    await t.http.post(`/api/v1/interventions/${old}/cancel`).set('Authorization', dispatch).expect(200);
  });

  it('waits while sync is off and catches up when it is switched back on', async () => {
    const calendarId = await connectWithCalendar(ALICE, 'google');
    await drain();
    const auth = `Bearer ${await t.tokenFor(ALICE)}`;
    await t.http.post('/api/v1/integrations/google/settings').set('Authorization', auth).send({ syncEnabled: false }).expect(200);
    await create({ title: 'While off' });
    await drain();
    expect((await liveEvents(calendarId)).filter((e) => e.body.summary === 'While off')).toHaveLength(0);
    await t.http.post('/api/v1/integrations/google/settings').set('Authorization', auth).send({ syncEnabled: true }).expect(200);
    await drain();
    expect((await liveEvents(calendarId)).filter((e) => e.body.summary === 'While off')).toHaveLength(1);
  });

  it('a write the provider refuses for good is never silent: FAILED on the event and the card, retried on request once the fault is gone', async () => {
    const calendarId = await connectWithCalendar(ALICE, 'google');
    await drain();
    const auth = `Bearer ${await t.tokenFor(ALICE)}`;
    await t.emu.control.addFault({ provider: 'google', route: '*', status: 400, times: 1 });
    const { id } = await create({ title: 'Refused' });
    await drain();
    expect(await t.prisma.interventionSync.findFirstOrThrow({ where: { interventionId: id } })).toMatchObject({ status: 'FAILED', lastError: 'PERMANENT' });
    expect(await t.prisma.syncJob.count({ where: { interventionId: id } })).toBe(0); // given up: no hidden retry loop
    const { body: listed } = await t.http.get('/api/v1/integrations').set('Authorization', auth).expect(200);
    expect(listed.find((i: { provider: string }) => i.provider === 'google')).toMatchObject({ status: 'CONNECTED', lastError: 'PERMANENT' });

    await t.emu.control.clearFaults();
    await t.http.post('/api/v1/integrations/google/retry').set('Authorization', auth).expect(200);
    await drain();
    expect((await liveEvents(calendarId)).filter((e) => e.body.summary === 'Refused')).toHaveLength(1);
    expect(await t.prisma.interventionSync.findFirstOrThrow({ where: { interventionId: id } })).toMatchObject({ status: 'SYNCED', lastError: null });
    const { body: after } = await t.http.get('/api/v1/integrations').set('Authorization', auth).expect(200);
    expect(after.find((i: { provider: string }) => i.provider === 'google')).toMatchObject({ status: 'CONNECTED', lastError: null });
  });

  it('forgets the sync state and pending jobs of an integration disconnected keeping its events', async () => {
    await connectWithCalendar(ALICE, 'google');
    await drain();
    await create({ title: 'Pending at disconnect' });
    expect(await t.prisma.interventionSync.count()).toBeGreaterThan(0);
    await t.http.delete('/api/v1/integrations/google?removeEvents=false').set('Authorization', `Bearer ${await t.tokenFor(ALICE)}`).expect(204);
    expect(await t.prisma.interventionSync.count()).toBe(0);
    expect(await t.prisma.syncJob.count()).toBe(0);
  });
});

describe('calendar sync worker, polling on its own', () => {
  it('syncs a new intervention without anyone calling runOnce', { timeout: 60_000 }, async () => {
    const polled = await startEmulatedTestApp({ SYNC_WORKER_ENABLED: 'true', SYNC_POLL_INTERVAL_MS: '100' });
    try {
      const auth = `Bearer ${await polled.tokenFor(ALICE)}`;
      await polled.connect(ALICE, 'google');
      const { body: calendars } = await polled.http.get('/api/v1/integrations/google/calendars').set('Authorization', auth).expect(200);
      const calendarId = calendars.find((c: { name: string }) => c.name === 'Interventions').id as string;
      await polled.http.post('/api/v1/integrations/google/settings').set('Authorization', auth).send({ calendarId }).expect(200);
      const expected = await polled.prisma.intervention.count({ where: { technicianId: aliceId, status: { not: 'CANCELLED' } } });
      await expect
        .poll(async () => (await polled.emu.control.state()).events.filter((e) => e.calendarId === calendarId && !e.deleted).length, {
          timeout: 30_000, // shared CI machines can be slow; the poll returns as soon as it holds
          interval: 100,
        })
        .toBe(expected);
    } finally {
      await polled.close();
    }
  });
});
