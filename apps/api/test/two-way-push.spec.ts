// Two-way sync push, both providers: with PUBLIC_API_URL pointing at the test app's real port,
// each two-way calendar gets a Google watch channel / Graph subscription at the emulator, and
// a notification makes the pull due at once. The sync worker loop runs on its own here (woken
// by NOTIFY), with a pull interval of an hour: a change seen within seconds came by push.
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { CalendarProviderId } from '@fs/contracts';
import { BusyRefresher } from '../src/integrations/availability/busy-refresher';
import { CalendarPuller } from '../src/integrations/inbound/calendar-puller';
import { WatchKeeper } from '../src/integrations/push/watch-keeper';
import { startEmulatedTestApp, type EmulatedTestApp } from './support/calendar-emulator';
import { interventionBody } from './support/intervention-body';
import { ownerCalendar } from './support/owner-calendar';
import { syncHelpers } from './support/sync-helpers';

const HOUR = 3_600_000;
const ALICE = 'alice@example.com';
const BOB = 'bob@example.com';
let t: EmulatedTestApp;
let dispatch: string;
const ids = new Map<string, string>();
const h = syncHelpers(() => t);

beforeAll(async () => {
  t = await startEmulatedTestApp(
    { SYNC_WORKER_ENABLED: 'true', SYNC_PULL_INTERVAL_MS: String(HOUR), PUBLIC_RATE_LIMIT_PER_MINUTE: '100000' },
    { listen: true },
  );
  dispatch = `Bearer ${await t.tokenFor('dispatch@example.com')}`;
  for (const email of [ALICE, BOB]) ids.set(email, (await t.prisma.user.findUniqueOrThrow({ where: { email } })).id);
});
afterAll(() => t?.close());
afterEach(() => t.clock.reset());
beforeEach(async () => {
  for (const [email, provider] of [[ALICE, 'google'], [BOB, 'microsoft']] as const) {
    await t.http.delete(`/api/v1/integrations/${provider}?removeEvents=false`).set('Authorization', await h.auth(email)).expect(204);
  }
  await t.emu.control.reset();
  await t.prisma.calendarChange.deleteMany();
});

/** Polls `check` until it holds (or `timeoutMs` passes); resolves with how long it took. */
async function eventually(check: () => Promise<boolean>, timeoutMs = 15_000): Promise<number> {
  const started = Date.now();
  while (!(await check())) {
    if (Date.now() - started > timeoutMs) throw new Error(`not within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  return Date.now() - started;
}

/**
 * No pull running or due, no sync job left: whatever notifications were on their way have been
 * handled. Generous: on a loaded CI machine the loop's catch-up after setup took over 15 s.
 */
const settled = (provider: CalendarProviderId) =>
  eventually(async () => {
    const pull = await pullOf(provider);
    return !pull.lockedUntil && pull.nextPullAt > t.clock.now() && (await t.prisma.syncJob.count()) === 0;
  }, 40_000);
const changes = async () => (await t.http.get('/api/v1/calendar-changes').set('Authorization', dispatch).expect(200)).body as { kind: string; interventionId: string }[];
/** The two-way watch (of the target calendar); availability's busy watches (availability-push.spec.ts) live beside it. */
const watchOf = (provider: CalendarProviderId) => t.prisma.watchChannel.findFirst({ where: { integration: { provider }, purpose: 'pull' } });
const busyChannelIds = async () => (await t.prisma.watchChannel.findMany({ where: { purpose: 'busy' }, select: { channelId: true } })).map((w) => w.channelId);
const pullOf = (provider: CalendarProviderId) => t.prisma.calendarPull.findFirstOrThrow({ where: { integration: { provider } } });
type GoogleChannel = { id: string; state: string; expiration: string };
type GraphSubscription = { id: string; live: boolean; expirationDateTime: string; clientState?: string };
const googleChannels = async () => ((await t.emu.control.call('GET', 'google/channels')) as { channels: GoogleChannel[] }).channels;
const graphSubscriptions = async () => ((await t.emu.control.call('GET', 'microsoft/subscriptions')) as { subscriptions: GraphSubscription[] }).subscriptions;
/** Reads of the calendar (a pull): Google events.list, Graph delta. */
const pullRequests = async (provider: CalendarProviderId) => (await t.emu.control.requests()).filter((r) => r.route === (provider === 'google' ? 'events.list' : 'graph.delta'));

describe.each([
  [ALICE, 'google'],
  [BOB, 'microsoft'],
] as const)('two-way push (%s, %s)', (email, provider: CalendarProviderId) => {
  let calendarId: string;
  let interventionId: string;
  let owner: ReturnType<typeof ownerCalendar>;

  const externalId = async () => (await t.prisma.interventionSync.findFirstOrThrow({ where: { interventionId, integration: { provider } } })).externalId!;
  const moveBy = async (ms: number) => {
    const current = (await t.http.get(`/api/v1/interventions/${interventionId}`).set('Authorization', dispatch).expect(200)).body;
    await owner.move(await externalId(), new Date(Date.parse(current.startsAt) + ms), new Date(Date.parse(current.endsAt) + ms));
  };
  /** The provider's view of our watch: live or not. */
  const liveAtProvider = async (channelId: string) =>
    provider === 'google'
      ? (await googleChannels()).some((c) => c.id === channelId && c.state === 'active')
      : (await graphSubscriptions()).some((s) => s.id === channelId && s.live);

  beforeEach(async () => {
    ({ calendarId } = await h.connectWithCalendar(email, provider));
    await t.http.post(`/api/v1/integrations/${provider}/settings`).set('Authorization', await h.auth(email)).send({ syncMode: 'two-way' }).expect(200);
    owner = ownerCalendar(t.emu, provider, email, calendarId);
    const created = await t.http.post('/api/v1/interventions').set('Authorization', dispatch).send(interventionBody({ technicianId: ids.get(email) })).expect(201);
    interventionId = created.body.id;
    // The worker loop writes the event, pulls the calendar once in full and creates the watch, on its own.
    await eventually(async () => !!(await t.prisma.interventionSync.findFirst({ where: { interventionId, integration: { provider }, externalId: { not: null } } })));
    await eventually(async () => (await watchOf(provider))?.state === 'active');
    await eventually(async () => !!(await pullOf(provider)).pulledAt);
    await eventually(async () => (await t.prisma.syncJob.count()) === 0);
    await settled(provider);
  });

  it('creates one watch on the target calendar, shown in the integration’s health', async () => {
    const watch = (await watchOf(provider))!;
    expect(watch).toMatchObject({ calendarId, state: 'active', lastError: null });
    expect(await liveAtProvider(watch.channelId!)).toBe(true);
    // The secret is stored hashed: what the provider holds is not in our row.
    if (provider === 'microsoft') {
      const subscription = (await graphSubscriptions()).find((s) => s.id === watch.channelId)!;
      expect(subscription.clientState).toBeTruthy();
      expect(watch.secretHash).not.toContain(subscription.clientState);
    }
    const { health } = await h.integration(email, provider);
    expect(health.pushChannel).toMatchObject({ state: 'active', lastError: null, expiresAt: watch.expiresAt!.toISOString() });
  });

  it('a move by the owner is a calendar change within 2 s, without waiting for the pull interval', async () => {
    await moveBy(2 * HOUR);
    const took = await eventually(async () => (await changes()).length === 1, 2_000);
    expect(took).toBeLessThan(2_000);
    expect(await changes()).toMatchObject([{ kind: 'moved', interventionId }]);
  });

  it('a forged notification (wrong secret, unknown channel) answers 202 and causes no pull and no change', async () => {
    const watch = (await watchOf(provider))!;
    // The real notification of this move never arrives: only the forged ones could trigger a pull.
    if (provider === 'google') await t.emu.control.call('POST', 'google/push/faults', { down: true });
    else await t.emu.control.call('POST', 'microsoft/subscriptions/faults', { mode: 'down' });
    await settled(provider);
    await moveBy(HOUR);
    const { nextPullAt } = await pullOf(provider);
    const readsBefore = (await pullRequests(provider)).length;
    if (provider === 'google') {
      for (const [channel, token] of [[watch.channelId!, 'not-the-secret'], ['unknown-channel', 'x'], [watch.channelId!, '']]) {
        await t.http.post('/api/v1/notifications/google').set({ 'X-Goog-Channel-ID': channel, 'X-Goog-Channel-Token': token, 'X-Goog-Resource-State': 'exists' }).expect(202);
      }
    } else {
      await t.http.post('/api/v1/notifications/microsoft').send({ value: [{ subscriptionId: watch.channelId, clientState: 'not-the-secret', changeType: 'updated' }] }).expect(202);
      await t.http.post('/api/v1/notifications/microsoft').send({ value: [{ subscriptionId: watch.channelId }, { subscriptionId: 'unknown', clientState: 'x' }] }).expect(202);
      await t.http.post('/api/v1/notifications/microsoft/lifecycle').send({ value: [{ subscriptionId: watch.channelId, clientState: 'nope', lifecycleEvent: 'subscriptionRemoved' }] }).expect(202);
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect((await pullOf(provider)).nextPullAt).toEqual(nextPullAt);
    expect((await pullRequests(provider)).length).toBe(readsBefore);
    expect(await changes()).toEqual([]);
    expect(await watchOf(provider)).toMatchObject({ channelId: watch.channelId, state: 'active' });
  });

  it('a malformed notification is a 400 naming the field', async () => {
    if (provider === 'google') {
      const { body } = await t.http.post('/api/v1/notifications/google').expect(400);
      expect(JSON.stringify(body)).toContain('channelId');
    } else {
      const { body } = await t.http.post('/api/v1/notifications/microsoft').send({ value: 'nope' }).expect(400);
      expect(JSON.stringify(body)).toContain('value');
    }
  });

  it('the watch is renewed before it expires, and keeps delivering past the first one’s expiry', async () => {
    const before = (await watchOf(provider))!;
    const lifetime = before.expiresAt!.getTime() - Date.now();
    // 80% of the lifetime later (on both clocks): past the renewal point, before the expiry.
    const step = Math.round(lifetime * 0.8);
    t.clock.advance(step);
    await t.emu.control.advanceClock(step);
    // The keeper runs now (the loop's timer sleeps on real time): a run already in flight claimed before the jump, so until it renewed.
    await eventually(async () => {
      await t.app.get(WatchKeeper).runOnce();
      return (await watchOf(provider))!.expiresAt!.getTime() > before.expiresAt!.getTime();
    });
    const after = (await watchOf(provider))!;
    expect(after.state).toBe('active');
    expect(after.expiresAt!.getTime()).toBeGreaterThan(before.expiresAt!.getTime());
    if (provider === 'google') {
      // Google channels cannot be renewed: a new channel, the old one stopped.
      expect(after.channelId).not.toBe(before.channelId);
      const channels = await googleChannels();
      expect(channels.find((c) => c.id === before.channelId)?.state).toBe('stopped');
      expect(channels.find((c) => c.id === after.channelId)?.state).toBe('active');
    } else {
      // Graph: the same subscription, a later expirationDateTime (PATCH).
      expect(after.channelId).toBe(before.channelId);
      expect(Date.parse((await graphSubscriptions()).find((s) => s.id === after.channelId)!.expirationDateTime)).toBe(after.expiresAt!.getTime());
    }
    // Past the first watch's expiry on the provider's clock, a move still arrives by push.
    const past = lifetime - step + HOUR;
    t.clock.advance(past);
    await t.emu.control.advanceClock(past);
    await moveBy(HOUR);
    await eventually(async () => (await changes()).length === 1, 3_000);
  });

  it('turning two-way off removes the watch at the provider', async () => {
    const { channelId } = (await watchOf(provider))!;
    await t.http.post(`/api/v1/integrations/${provider}/settings`).set('Authorization', await h.auth(email)).send({ syncMode: 'push' }).expect(200);
    await eventually(async () => !(await watchOf(provider)) && !(await liveAtProvider(channelId!)));
    expect((await h.integration(email, provider)).health.pushChannel).toBeNull();
  });

  it('disconnecting stops the watch (with the grant, before it is revoked)', async () => {
    const { channelId } = (await watchOf(provider))!;
    await t.http.delete(`/api/v1/integrations/${provider}?removeEvents=false`).set('Authorization', await h.auth(email)).expect(204);
    expect(await liveAtProvider(channelId!)).toBe(false);
    expect(await watchOf(provider)).toBeNull();
    if (provider === 'google') expect((await googleChannels()).find((c) => c.id === channelId)?.state).toBe('stopped');
  });
});

describe('Graph lifecycle notifications (bob, microsoft)', () => {
  beforeEach(async () => {
    await h.connectWithCalendar(BOB, 'microsoft');
    await t.http.post('/api/v1/integrations/microsoft/settings').set('Authorization', await h.auth(BOB)).send({ syncMode: 'two-way' }).expect(200);
    await eventually(async () => (await watchOf('microsoft'))?.state === 'active');
    await eventually(async () => !!(await pullOf('microsoft')).pulledAt);
    await settled('microsoft');
  });
  const lifecycle = async (lifecycleEvent: string) => {
    const { channelId } = (await watchOf('microsoft'))!;
    await t.emu.control.call('POST', 'microsoft/subscriptions/lifecycle', { subscriptionId: channelId, lifecycleEvent });
    return channelId!;
  };
  const routes = async (route: string) => (await t.emu.control.requests()).filter((r) => r.route === route);

  it('reauthorizationRequired renews the subscription (PATCH)', async () => {
    await lifecycle('reauthorizationRequired');
    await eventually(async () => (await routes('graph.subscriptions.update')).length === 1);
    expect((await watchOf('microsoft'))!.state).toBe('active');
  });

  it('subscriptionRemoved creates a new subscription and pulls what happened meanwhile', async () => {
    const pulledAt = (await pullOf('microsoft')).pulledAt!;
    const removed = await lifecycle('subscriptionRemoved');
    await eventually(async () => {
      const watch = await watchOf('microsoft');
      return watch?.state === 'active' && watch.channelId !== removed;
    });
    const { channelId } = (await watchOf('microsoft'))!;
    const busy = await busyChannelIds();
    expect((await graphSubscriptions()).filter((s) => s.live && !busy.includes(s.id)).map((s) => s.id)).toEqual([channelId]);
    await eventually(async () => (await pullOf('microsoft')).pulledAt! > pulledAt);
  });

  it('missed means a full pull (a delta read from no cursor)', async () => {
    const full = async () => (await routes('graph.delta')).filter((r) => !r.path.includes('deltatoken')).length;
    const before = await full();
    await lifecycle('missed');
    await eventually(async () => (await full()) > before);
    await eventually(async () => !!(await pullOf('microsoft')).cursor);
  });
});

describe('a subscription refused by the provider (no validation handshake)', () => {
  let refusing: EmulatedTestApp;
  // An API whose PUBLIC_API_URL does not reach it (nothing listens there), the worker driven by hand.
  beforeAll(async () => {
    refusing = await startEmulatedTestApp({ SYNC_PULL_INTERVAL_MS: String(HOUR), PUBLIC_API_URL: 'http://127.0.0.1:9/unreachable' });
  });
  afterAll(() => refusing?.close());

  it('is reported in the integration’s health, and the periodic pull still brings changes', async () => {
    const r = syncHelpers(() => refusing);
    const { calendarId } = await r.connectWithCalendar(BOB, 'microsoft');
    await refusing.http.post('/api/v1/integrations/microsoft/settings').set('Authorization', await r.auth(BOB)).send({ syncMode: 'two-way' }).expect(200);
    const bob = (await refusing.prisma.user.findUniqueOrThrow({ where: { email: BOB } })).id;
    const boss = `Bearer ${await refusing.tokenFor('dispatch@example.com')}`;
    const created = await refusing.http.post('/api/v1/interventions').set('Authorization', boss).send(interventionBody({ technicianId: bob })).expect(201);
    await r.drain();
    await refusing.app.get(WatchKeeper).runOnce();
    const { deliveries } = (await refusing.emu.control.call('GET', 'microsoft/subscriptions')) as { deliveries: { kind: string; outcome: string }[] };
    expect(deliveries).toContainEqual(expect.objectContaining({ kind: 'validation', outcome: 'refused' }));
    expect((await r.integration(BOB, 'microsoft')).health.pushChannel).toMatchObject({ state: 'refused', lastError: expect.any(String) });
    // The watches of the calendars whose busy times count are refused likewise: the card says so.
    expect((await r.integration(BOB, 'microsoft')).health.availabilityPush).toBeNull();
    await refusing.app.get(BusyRefresher).runOnce();
    await refusing.app.get(WatchKeeper).runOnce();
    expect((await r.integration(BOB, 'microsoft')).health.availabilityPush).toBe('refused');

    // The pull goes on: one interval later, a move is a calendar change.
    refusing.clock.advance(HOUR);
    await refusing.app.get(CalendarPuller).runOnce();
    const record = await refusing.prisma.interventionSync.findFirstOrThrow({ where: { interventionId: created.body.id } });
    await ownerCalendar(refusing.emu, 'microsoft', BOB, calendarId).move(record.externalId!, new Date('2027-01-13T09:00:00Z'), new Date('2027-01-13T10:00:00Z'));
    refusing.clock.advance(HOUR);
    await refusing.app.get(CalendarPuller).runOnce();
    const { body } = await refusing.http.get('/api/v1/calendar-changes').set('Authorization', boss).expect(200);
    expect(body).toMatchObject([{ kind: 'moved', interventionId: created.body.id }]);
  });
});
