// Two-way sync end to end, both providers: the technician edits our events in their own
// calendar (the emulator's owner controls), a pull (driven by hand, one pull interval later)
// brings the edit back as a calendar change, and dispatch decides over HTTP. The real app,
// database and SDKs; the worker and the pull run when a test says so.
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { CalendarProviderId } from '@fs/contracts';
import { CalendarPullRepository } from '../src/integrations/inbound/calendar-pull.repository';
import { CalendarPuller } from '../src/integrations/inbound/calendar-puller';
import { startEmulatedTestApp, type EmulatedTestApp } from './support/calendar-emulator';
import { interventionBody } from './support/intervention-body';
import { ownerCalendar } from './support/owner-calendar';
import { syncHelpers } from './support/sync-helpers';

const PULL_MS = 60_000;
const HOUR = 3_600_000;
const ALICE = 'alice@example.com';
const BOB = 'bob@example.com';
let t: EmulatedTestApp;
let dispatch: string;
let admin: string;
const ids = new Map<string, string>();
const h = syncHelpers(() => t);

beforeAll(async () => {
  t = await startEmulatedTestApp({ SYNC_PULL_INTERVAL_MS: String(PULL_MS) });
  dispatch = `Bearer ${await t.tokenFor('dispatch@example.com')}`;
  admin = `Bearer ${await t.tokenFor('admin@example.com')}`;
  for (const email of [ALICE, BOB]) ids.set(email, (await t.prisma.user.findUniqueOrThrow({ where: { email } })).id);
});
afterAll(() => t?.close());
afterEach(() => t.clock.reset());
beforeEach(async () => {
  await t.emu.control.reset();
  for (const [email, provider] of [[ALICE, 'google'], [BOB, 'microsoft']] as const) {
    await t.http.delete(`/api/v1/integrations/${provider}?removeEvents=false`).set('Authorization', await h.auth(email)).expect(204);
  }
  await t.prisma.calendarChange.deleteMany();
  await t.prisma.syncJob.deleteMany();
  await t.prisma.interventionSync.deleteMany();
  await t.http.put('/api/v1/admin/calendar-change-policy').set('Authorization', admin).send({ policy: 'propose' }).expect(200);
});

/** One pull interval later, the due pulls run; then the worker writes what they queued. */
async function pullInterval(): Promise<void> {
  t.clock.advance(PULL_MS);
  await t.app.get(CalendarPuller).runOnce();
  await h.drain();
}

async function changes(as: string, status?: string) {
  const { body } = await t.http.get(`/api/v1/calendar-changes${status ? `?status=${status}` : ''}`).set('Authorization', as).expect(200);
  return body as { id: string; kind: string; status: string; interventionId: string; proposedStartsAt: string | null; technicianId: string }[];
}

const intervention = async (id: string) => (await t.http.get(`/api/v1/interventions/${id}`).set('Authorization', dispatch).expect(200)).body;

describe.each([
  [ALICE, 'google'],
  [BOB, 'microsoft'],
] as const)('two-way sync (%s, %s)', (email, provider: CalendarProviderId) => {
  let calendarId: string;
  let interventionId: string;
  let owner: ReturnType<typeof ownerCalendar>;

  /** The provider's id of our event of the intervention (what we stored when writing it). */
  const externalId = async (id = interventionId) =>
    (await t.prisma.interventionSync.findFirstOrThrow({ where: { interventionId: id, integration: { provider } } })).externalId!;
  const eventOf = async (id = interventionId) => {
    const key = await externalId(id);
    return (await h.liveEvents(calendarId)).find((e) => e.id === key || (e.body as { id?: string }).id === key);
  };
  /** The event's start as the emulator stores it (Google: dateTime with offset; Microsoft: startMs). */
  const startOf = (event: { body: Record<string, unknown> } | undefined) =>
    event && (typeof event.body.startMs === 'number' ? event.body.startMs : Date.parse((event.body.start as { dateTime: string }).dateTime));
  const moveBy = async (ms: number) => {
    const current = await intervention(interventionId);
    await owner.move(await externalId(), new Date(Date.parse(current.startsAt) + ms), new Date(Date.parse(current.endsAt) + ms));
  };

  beforeEach(async () => {
    ({ calendarId } = await h.connectWithCalendar(email, provider));
    const { body } = await t.http.post(`/api/v1/integrations/${provider}/settings`).set('Authorization', await h.auth(email)).send({ syncMode: 'two-way' }).expect(200);
    expect(body.syncMode).toBe('two-way');
    owner = ownerCalendar(t.emu, provider, email, calendarId);
    const created = await t.http.post('/api/v1/interventions').set('Authorization', dispatch).send(interventionBody({ technicianId: ids.get(email) })).expect(201);
    interventionId = created.body.id;
    await h.drain();
    await pullInterval(); // the first, full listing: our events as we wrote them, nothing to report
    expect(await changes(dispatch)).toEqual([]);
  });

  it('shows the sync mode on the integration', async () => {
    expect((await h.integration(email, provider)).syncMode).toBe('two-way');
  });

  it('a move comes back as an open change within one pull interval; accept reschedules the intervention', async () => {
    const before = await intervention(interventionId);
    await moveBy(2 * HOUR);
    await pullInterval();
    const [change] = await changes(dispatch, 'open');
    expect(change).toMatchObject({ kind: 'moved', status: 'open', interventionId, proposedStartsAt: new Date(Date.parse(before.startsAt) + 2 * HOUR).toISOString() });
    const technician = await h.auth(email);
    expect((await t.http.get(`/api/v1/interventions/${interventionId}`).set('Authorization', technician).expect(200)).body.calendarChange).toEqual({ id: change!.id, kind: 'moved', status: 'open' });

    const { body: accepted } = await t.http.post(`/api/v1/calendar-changes/${change!.id}/accept`).set('Authorization', dispatch).expect(200);
    expect(accepted).toMatchObject({ status: 'accepted', decidedByName: expect.any(String) });
    const after = await intervention(interventionId);
    expect(after.startsAt).toBe(change!.proposedStartsAt);
    expect(after.calendarChange).toMatchObject({ status: 'accepted' });
    await h.drain();
    await pullInterval();
    expect(startOf(await eventOf())).toBe(Date.parse(after.startsAt));
    expect(await changes(dispatch)).toHaveLength(1); // our rewrite is not a new change
  });

  it('reject puts the event back at the intervention’s time', async () => {
    const before = await intervention(interventionId);
    await moveBy(3 * HOUR);
    await pullInterval();
    const [change] = await changes(dispatch, 'open');
    await t.http.post(`/api/v1/calendar-changes/${change!.id}/reject`).set('Authorization', dispatch).expect(200);
    await h.drain();
    expect(startOf(await eventOf())).toBe(Date.parse(before.startsAt));
    expect((await intervention(interventionId)).startsAt).toBe(before.startsAt);
    await pullInterval();
    expect((await changes(dispatch)).map((c) => c.status)).toEqual(['rejected']);
  });

  it('policy apply reschedules at once; policy revert puts the event back at once', async () => {
    const before = await intervention(interventionId);
    await t.http.put('/api/v1/admin/calendar-change-policy').set('Authorization', admin).send({ policy: 'apply' }).expect(200);
    await moveBy(HOUR);
    await pullInterval();
    expect((await changes(dispatch)).map((c) => c.status)).toEqual(['applied']);
    const applied = await intervention(interventionId);
    expect(Date.parse(applied.startsAt)).toBe(Date.parse(before.startsAt) + HOUR);

    await t.http.put('/api/v1/admin/calendar-change-policy').set('Authorization', admin).send({ policy: 'revert' }).expect(200);
    await moveBy(5 * HOUR);
    await pullInterval();
    expect((await changes(dispatch)).map((c) => c.status).sort()).toEqual(['applied', 'reverted']);
    expect(startOf(await eventOf())).toBe(Date.parse(applied.startsAt));
    expect((await intervention(interventionId)).startsAt).toBe(applied.startsAt);
  });

  it('a deletion is a change of kind removed; accept unassigns the technician (not cancelled)', async () => {
    const key = await externalId();
    await owner.remove(key);
    await pullInterval();
    const [change] = await changes(dispatch, 'open');
    expect(change).toMatchObject({ kind: 'removed', proposedStartsAt: null });
    await t.http.post(`/api/v1/calendar-changes/${change!.id}/accept`).set('Authorization', dispatch).expect(200);
    expect(await intervention(interventionId)).toMatchObject({ technicianId: null, technicianName: null, status: 'PLANNED' });
    await h.drain();
    expect((await h.liveEvents(calendarId)).filter((e) => e.id === key)).toEqual([]);
    await pullInterval();
    expect(await changes(dispatch)).toHaveLength(1);
  });

  it('a deletion rejected recreates the event, once', async () => {
    await owner.remove(await externalId());
    await pullInterval();
    const [change] = await changes(dispatch, 'open');
    await t.http.post(`/api/v1/calendar-changes/${change!.id}/reject`).set('Authorization', dispatch).expect(200);
    await h.drain();
    await pullInterval();
    // Our events carry the intervention's id (Google) or its sync key (Microsoft), which holds it.
    const live = (await h.liveEvents(calendarId)).filter((e) => JSON.stringify(e.body).includes(interventionId));
    expect(live).toHaveLength(1);
    expect(await changes(dispatch)).toHaveLength(1);
  });

  it('a title edit is restored from the intervention, and is no calendar change', async () => {
    const key = await externalId();
    const rename = provider === 'google' ? { summary: 'My own title' } : { email, event: { subject: 'My own title' } };
    const path = provider === 'google' ? `google/owner/events/${encodeURIComponent(calendarId)}/${encodeURIComponent(key)}` : `microsoft/owner/events/${encodeURIComponent(key)}`;
    await t.emu.control.call('PATCH', path, rename);
    await pullInterval();
    expect(await changes(dispatch)).toEqual([]);
    expect(JSON.stringify((await eventOf())?.body)).not.toContain('My own title');
  });

  it('100 updates by dispatch make no calendar change', async () => {
    const base = Date.parse('2027-01-12T09:00:00+01:00');
    for (let i = 1; i <= 100; i++) {
      const startsAt = new Date(base + i * 60_000).toISOString();
      const endsAt = new Date(base + i * 60_000 + HOUR).toISOString();
      await t.http.patch(`/api/v1/interventions/${interventionId}`).set('Authorization', dispatch).send({ startsAt, endsAt, title: `Leak under the sink #${i}` }).expect(200);
      if (i % 10 === 0) await h.drain();
      if (i % 25 === 0) await pullInterval();
    }
    await pullInterval();
    expect(await changes(dispatch)).toEqual([]);
  });

  /** The pulls made due now run (no interval passes), then the worker writes what they released. */
  const pullsDueNow = async () => {
    await t.app.get(CalendarPuller).runOnce();
    await h.drain();
  };

  it('a move made while our write is queued is recorded, never overwritten unseen (If-Match); our write lands after', async () => {
    const before = await intervention(interventionId);
    await moveBy(2 * HOUR);
    await t.http.patch(`/api/v1/interventions/${interventionId}`).set('Authorization', dispatch).send({ title: 'Renamed by dispatch' }).expect(200);
    await h.drain(); // our update names the etag we wrote: refused, the person's move stays
    expect(startOf(await eventOf())).toBe(Date.parse(before.startsAt) + 2 * HOUR);
    expect(await t.prisma.syncJob.count({ where: { interventionId, editedElsewhere: true } })).toBe(1);

    await pullsDueNow(); // the refusal made a pull due: it records the move and lets our write go
    const [change] = await changes(dispatch, 'open');
    expect(change).toMatchObject({ kind: 'moved', proposedStartsAt: new Date(Date.parse(before.startsAt) + 2 * HOUR).toISOString() });
    expect(JSON.stringify((await eventOf())?.body)).toContain('Renamed by dispatch');
    expect(await t.prisma.syncJob.count({ where: { interventionId } })).toBe(0);
    await pullInterval();
    expect(await changes(dispatch)).toHaveLength(1); // our write that followed is not a change
  });

  it('an edit a pull passed while our write was waiting is still recorded once our write is refused', async () => {
    await t.http.patch(`/api/v1/interventions/${interventionId}`).set('Authorization', dispatch).send({ title: 'Renamed by dispatch' }).expect(200);
    await moveBy(3 * HOUR);
    t.clock.advance(PULL_MS);
    await t.app.get(CalendarPuller).runOnce(); // sees the move while our write is due: not taken for a change yet
    expect(await changes(dispatch)).toEqual([]);
    await h.drain(); // refused by If-Match: a full pull is due
    await pullsDueNow();
    expect((await changes(dispatch, 'open')).map((c) => c.kind)).toEqual(['moved']);
    expect(JSON.stringify((await eventOf())?.body)).toContain('Renamed by dispatch');
  });

  it('a deletion made while our write is queued is a change of kind removed; our write then recreates the event once', async () => {
    await owner.remove(await externalId());
    await t.http.patch(`/api/v1/interventions/${interventionId}`).set('Authorization', dispatch).send({ title: 'Renamed by dispatch' }).expect(200);
    await h.drain();
    expect(await eventOf()).toBeUndefined(); // not recreated unseen
    await pullsDueNow();
    expect((await changes(dispatch, 'open')).map((c) => c.kind)).toEqual(['removed']);
    // Our events carry the intervention's id (Google) or its sync key (Microsoft), which holds it.
    const live = (await h.liveEvents(calendarId)).filter((e) => JSON.stringify(e.body).includes(interventionId));
    expect(live).toHaveLength(1);
    expect(JSON.stringify(live[0]!.body)).toContain('Renamed by dispatch');
    await pullInterval();
    expect(await changes(dispatch)).toHaveLength(1);
  });

  it('a pull replayed from the same cursor (a crash before it was saved) records the change once', async () => {
    const { cursor } = await t.prisma.calendarPull.findFirstOrThrow({ where: { integration: { provider } } });
    await moveBy(HOUR);
    await pullInterval();
    await t.prisma.calendarPull.updateMany({ where: { integration: { provider } }, data: { cursor } });
    await pullInterval();
    expect(await changes(dispatch)).toHaveLength(1);
  });

  it('two workers pulling the same calendar at once record one change per edit', async () => {
    await moveBy(HOUR);
    t.clock.advance(PULL_MS);
    const [pull] = await t.app.get(CalendarPullRepository).claim(t.clock.now(), 10);
    const puller = t.app.get(CalendarPuller);
    await Promise.all([puller.pull(pull!), puller.pull({ ...pull! })]);
    expect(await changes(dispatch)).toHaveLength(1);
  });

  it('a cursor the provider no longer honours means a full listing, without duplicates', async () => {
    await moveBy(HOUR);
    await pullInterval();
    await t.emu.control.call('POST', provider === 'google' ? 'google/sync-tokens/invalidate' : 'microsoft/delta/invalidate');
    await pullInterval();
    expect(await changes(dispatch)).toHaveLength(1);
    const { lastError } = await t.prisma.calendarPull.findFirstOrThrow({ where: { integration: { provider } } });
    expect(lastError).toBeNull();
  });

  it('deciding twice, or accepting after the intervention changed, is a conflict (409); rejecting it then restores the event', async () => {
    await moveBy(HOUR);
    await pullInterval();
    const [change] = await changes(dispatch, 'open');
    await t.http.post(`/api/v1/calendar-changes/${change!.id}/reject`).set('Authorization', dispatch).expect(200);
    await t.http.post(`/api/v1/calendar-changes/${change!.id}/accept`).set('Authorization', dispatch).expect(409);

    await h.drain();
    await moveBy(2 * HOUR);
    await pullInterval();
    const [second] = await changes(dispatch, 'open');
    await t.http.patch(`/api/v1/interventions/${interventionId}`).set('Authorization', dispatch).send({ title: 'Changed meanwhile' }).expect(200);
    await t.http.post(`/api/v1/calendar-changes/${second!.id}/accept`).set('Authorization', dispatch).expect(409);
    expect((await changes(dispatch, 'open')).map((c) => c.id)).toEqual([second!.id]);
    // Never stuck: rejecting it puts the event back at the intervention's (new) plan.
    await t.http.post(`/api/v1/calendar-changes/${second!.id}/reject`).set('Authorization', dispatch).expect(200);
    expect(await changes(dispatch, 'open')).toEqual([]);
    await h.drain();
    const intervention = await t.prisma.intervention.findUniqueOrThrow({ where: { id: interventionId } });
    const event = await eventOf();
    expect(JSON.stringify(event?.body), 'the event shows the intervention as dispatch left it').toContain('Changed meanwhile');
    expect(startOf(event)).toBe(intervention.startsAt.getTime());
  });
});

describe('calendar changes: who sees and decides what', () => {
  it('a technician lists only their own changes and cannot decide; a bad status is a 400 naming it', async () => {
    for (const [email, provider] of [[ALICE, 'google'], [BOB, 'microsoft']] as const) {
      const { calendarId } = await h.connectWithCalendar(email, provider);
      await t.http.post(`/api/v1/integrations/${provider}/settings`).set('Authorization', await h.auth(email)).send({ syncMode: 'two-way' }).expect(200);
      await t.http.post('/api/v1/interventions').set('Authorization', dispatch).send(interventionBody({ technicianId: ids.get(email) })).expect(201);
      await h.drain();
      await pullInterval();
      const [record] = await t.prisma.interventionSync.findMany({ where: { integration: { provider } } });
      const owner = ownerCalendar(t.emu, provider, email, calendarId);
      await owner.move(record!.externalId!, new Date(Date.parse('2027-01-13T09:00:00Z')), new Date(Date.parse('2027-01-13T10:00:00Z')));
    }
    await pullInterval();
    expect(await changes(dispatch)).toHaveLength(2);
    const alice = await h.auth(ALICE);
    const own = await changes(alice);
    expect(own.map((c) => c.technicianId)).toEqual([ids.get(ALICE)]);
    await t.http.post(`/api/v1/calendar-changes/${own[0]!.id}/accept`).set('Authorization', alice).expect(403);
    const bad = await t.http.get('/api/v1/calendar-changes?status=maybe').set('Authorization', dispatch).expect(400);
    expect(JSON.stringify(bad.body)).toContain('status');
    await t.http.get('/api/v1/admin/calendar-change-policy').set('Authorization', dispatch).expect(403);
    await t.http.put('/api/v1/admin/calendar-change-policy').set('Authorization', admin).send({ policy: 'sometimes' }).expect(400);
  });
});
