// The one contract every CalendarProvider adapter meets, written once against the interface
// and run for each adapter against the in-process emulator (real SDKs over HTTP). An
// adapter's own spec calls describeProviderContract with a harness, then adds only what is
// particular to its provider. CalDAV runs it against a real Radicale (caldav-harness.ts):
// what a contract case needs from the server (read what it holds, make it fail) goes
// through ContractContext, never through the emulator directly.
import { createServer, type IncomingMessage, type Server } from 'node:http';
import { startEmulator, type EmulatorHandle } from '@fs/calendar-emulator';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { emulatorEndpoints, signIn } from './emulated-provider';
import type { CalendarEventInput, CalendarProvider, ProviderTokens, TokenContext } from '../../src/integrations/providers/calendar-provider';
import type { ProviderEndpoints } from '../../src/integrations/providers/provider-endpoints';
import { AccessTokenRejected, ProviderError, type ProviderErrorCode } from '../../src/integrations/providers/provider-error';

export const EMAIL = 'alice@example.com';

/** An event as the person's calendar shows it, whatever the provider's shape. */
export interface ShownEvent {
  id: string;
  calendarId: string;
  title: string;
  location: string | undefined;
  startMs: number;
  endMs: number;
  /** The zone the calendar app displays the event in, in the provider's own naming. */
  timeZone: string | undefined;
}

/** What the contract needs to know about an adapter, wherever its server runs. */
export interface ContractHarness {
  name: string;
  /** Europe/Paris as the provider names it on a stored event. */
  parisZone: string;
  /** What a write to a read-only calendar is. */
  readOnlyCode: ProviderErrorCode;
  /** False where the protocol has no "primary" calendar (CalDAV): then none is marked primary. Default true. */
  hasPrimary?: boolean;
  /** Free/busy is read (false: busyBlocks must refuse with a clear ProviderError instead). */
  readsBusyTimes?: boolean;
  /** Two-way sync: listChanges works (false: it must refuse with a clear ProviderError). Default true. */
  listsChanges?: boolean;
}

/** An adapter served by the in-process emulator (Google, Microsoft). */
export interface ProviderHarness extends ContractHarness {
  emulatorId: 'google' | 'microsoft';
  create(endpoints: ProviderEndpoints): CalendarProvider;
  /** The provider's raw stored event (emulator state `body`) as the person sees it. */
  shown(raw: { id: string; calendarId: string; body: Record<string, unknown> }): ShownEvent;
  /** Emulator route name of an event creation (for fault injection). */
  createRoute: string;
  /** Throttle this account to one call per second, the provider's way. */
  throttle(emu: EmulatorHandle): Promise<unknown>;
}

/** Ways to make the server misbehave, each the provider's own way (or through a fault proxy). */
export interface ContractFaults {
  /** Throttle the account (429 with Retry-After) for the next calls. */
  throttle(): Promise<unknown>;
  /** The next event creation answers 503. */
  failNextCreate(): Promise<unknown>;
  /** From now on the server refuses the stored credentials (401); returns a reader of the token-endpoint calls made since. */
  refuseAccess(): Promise<() => Promise<string[]>>;
}

export interface ContractContext {
  provider: () => CalendarProvider;
  context: () => TokenContext;
  calendarId: () => string;
  liveEvents: () => Promise<ShownEvent[]>;
  faults: ContractFaults;
}

export const sampleEvent = (overrides: Partial<CalendarEventInput> = {}): CalendarEventInput => ({
  syncKey: 'integration-1:intervention-1',
  interventionId: 'intervention-1',
  title: 'Boiler service',
  description: 'Client: Dupont\nCheck the pressure',
  location: '12 rue de la Paix, 75002 Paris',
  startsAt: new Date('2026-12-01T08:00:00Z'),
  endsAt: new Date('2026-12-01T10:00:00Z'),
  timeZone: 'Europe/Paris',
  ...overrides,
});

export async function rejection(promise: Promise<unknown>): Promise<ProviderError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ProviderError);
  return error as ProviderError;
}

/** Starts the emulator for the file, signs alice in before each test; returns accessors. */
export function useEmulatedProvider(harness: ProviderHarness): EmulatedContractContext {
  let emu: EmulatorHandle;
  let provider: CalendarProvider;
  let tokens: ProviderTokens;
  let calendarId: string;
  beforeAll(async () => {
    emu = await startEmulator({ port: 0, httpsPort: 0, quiet: true });
    provider = harness.create(await emulatorEndpoints(emu));
  });
  afterAll(async () => {
    await emu?.close();
  });
  beforeEach(async () => {
    await emu.control.reset();
    tokens = await signIn(provider, EMAIL);
    calendarId = (await provider.listCalendars({ tokens })).find((c) => c.name === 'Interventions')!.id;
  });
  return {
    emu: () => emu,
    provider: () => provider,
    context: () => ({ tokens }),
    calendarId: () => calendarId,
    liveEvents: async () => {
      const state = await emu.control.state();
      return state.events.filter((e) => e.provider === harness.emulatorId && !e.deleted).map((e) => harness.shown(e));
    },
    faults: {
      throttle: () => harness.throttle(emu),
      failNextCreate: () => emu.control.addFault({ provider: harness.emulatorId, route: harness.createRoute, status: 503, times: 1 }),
      async refuseAccess() {
        await emu.control.expireTokens(harness.emulatorId, EMAIL);
        const before = (await emu.control.requests()).length;
        return async () => (await emu.control.requests()).slice(before).map((r) => r.path).filter((path) => /token/.test(path));
      },
    },
  };
}

/** Emulator handle of a context made by useEmulatedProvider, for adapter-specific cases. */
export type EmulatedContractContext = ContractContext & { emu: () => EmulatorHandle };

export function describeProviderContract(harness: ContractHarness, t: ContractContext): void {
  const upsert = (event: CalendarEventInput, known?: { externalId: string; etag?: string }, calendarId = t.calendarId()) =>
    t.provider().upsertEvent(t.context(), calendarId, event, known);
  const remove = (syncKey: string, known?: { externalId: string; etag?: string }) =>
    t.provider().deleteEvent(t.context(), t.calendarId(), { syncKey, ...(known ? { known } : {}) });

  describe(`${harness.name}: the CalendarProvider contract`, () => {
    // One of the two, per provider: a provider that cannot read busy times says so.
    if (harness.readsBusyTimes === false) it('refuses to read busy times with a clear error, never a silent "free"', async () => {
      const calendars = await t.provider().listCalendars(t.context());
      const error = await rejection(t.provider().busyBlocks(t.context(), { accountEmail: 'x', calendars, from: new Date(), to: new Date(Date.now() + 86_400_000) }));
      expect(error.code).toBe('PERMANENT');
    });

    else it('reads the busy time of the primary calendar as times only, within the window', async () => {
      const primary = (await t.provider().listCalendars(t.context())).find((c) => c.primary)!;
      await upsert(sampleEvent(), undefined, primary.id);
      const answer = await t.provider().busyBlocks(t.context(), {
        accountEmail: EMAIL,
        calendars: [primary],
        from: new Date('2026-12-01T00:00:00Z'),
        to: new Date('2026-12-02T00:00:00Z'),
      });
      expect(answer).toEqual([{ calendarId: primary.id, blocks: [{ start: new Date('2026-12-01T08:00:00Z'), end: new Date('2026-12-01T10:00:00Z') }] }]);
      const outside = await t.provider().busyBlocks(t.context(), {
        accountEmail: EMAIL,
        calendars: [primary],
        from: new Date('2026-12-02T00:00:00Z'),
        to: new Date('2026-12-03T00:00:00Z'),
      });
      expect(outside).toEqual([{ calendarId: primary.id, blocks: [] }]);
    });

    // Two-way sync: a provider that cannot list changes says so; the others list them from a cursor.
    const window = { from: new Date('2026-11-01T00:00:00Z'), to: new Date('2027-12-31T00:00:00Z') };
    if (harness.listsChanges === false) it('refuses to list calendar changes (two-way sync) with a clear error', async () => {
      const error = await rejection(t.provider().listChanges(t.context(), t.calendarId(), null, window));
      expect(error.code).toBe('PERMANENT');
    });

    else it('lists changes: in full first, then from the cursor only what changed, deletions included', async () => {
      const kept = await upsert(sampleEvent({ syncKey: 'fs:contract:kept' }));
      const moved = await upsert(sampleEvent({ syncKey: 'fs:contract:moved' }));
      const gone = await upsert(sampleEvent({ syncKey: 'fs:contract:gone' }));
      const full = await t.provider().listChanges(t.context(), t.calendarId(), null, window);
      expect(full.full).toBe(true);
      expect(full.events.find((e) => e.externalId === kept.externalId)).toMatchObject({ removed: false, startsAt: sampleEvent().startsAt, endsAt: sampleEvent().endsAt });
      const latest = await upsert(sampleEvent({ syncKey: 'fs:contract:moved', startsAt: new Date('2026-12-01T12:00:00Z'), endsAt: new Date('2026-12-01T13:00:00Z') }), moved);
      await remove('fs:contract:gone', gone);
      const next = await t.provider().listChanges(t.context(), t.calendarId(), full.cursor, window);
      expect(next.full).toBe(false);
      const seen = new Map(next.events.map((e) => [e.externalId, e]));
      expect(seen.get(moved.externalId)).toMatchObject({ removed: false, etag: latest.etag, startsAt: new Date('2026-12-01T12:00:00Z') });
      expect(seen.get(gone.externalId)).toMatchObject({ removed: true });
      expect(seen.has(kept.externalId)).toBe(false);
    });

    // Two-way push: a provider without push channels says so; the others watch, deliver with our secret, renew and stop.
    if (harness.listsChanges === false) it('refuses push channels with a clear error', async () => {
      const request = { calendarId: t.calendarId(), channelId: 'c', address: 'https://x.example/n', lifecycleAddress: 'https://x.example/l', secret: 's', expiresAt: new Date(Date.now() + 3_600_000) };
      expect((await rejection(t.provider().watch(t.context(), request))).code).toBe('PERMANENT');
      expect(t.provider().watchRenewal).toBeNull();
    });

    else it('watches the calendar: notifications carry our secret, renewal moves the expiry, unwatch stops them (twice is fine)', async () => {
      const receiver = await startReceiver();
      try {
        const secret = `secret-${Date.now()}`;
        const handle = await t.provider().watch(t.context(), {
          calendarId: t.calendarId(), channelId: `contract-${Date.now()}`, address: `${receiver.url}/n`, lifecycleAddress: `${receiver.url}/l`, secret, expiresAt: new Date(Date.now() + 3_600_000),
        });
        expect(handle.expiresAt.getTime()).toBeGreaterThan(Date.now());
        await upsert(sampleEvent({ syncKey: 'fs:contract:watched' }));
        await until(() => receiver.secrets().includes(secret));
        if (t.provider().watchRenewal === 'extend') {
          const renewed = await t.provider().extendWatch(t.context(), handle, new Date(Date.now() + 7_200_000));
          expect(renewed).toMatchObject({ channelId: handle.channelId });
          expect(renewed.expiresAt.getTime()).toBeGreaterThan(handle.expiresAt.getTime());
        }
        await t.provider().unwatch(t.context(), handle);
        const heard = receiver.secrets().length;
        await upsert(sampleEvent({ syncKey: 'fs:contract:unwatched' }));
        await new Promise((resolve) => setTimeout(resolve, 300));
        expect(receiver.secrets().length).toBe(heard);
        await t.provider().unwatch(t.context(), handle);
      } finally {
        await receiver.close();
      }
    });

    it('lists the calendars: one primary, writable ones, a read-only one', async () => {
      const calendars = await t.provider().listCalendars(t.context());
      expect(calendars.filter((c) => c.primary)).toHaveLength(harness.hasPrimary === false ? 0 : 1);
      expect(calendars.find((c) => c.name === 'Interventions')).toMatchObject({ primary: false, canWrite: true });
      expect(calendars.some((c) => !c.canWrite)).toBe(true);
    });

    it('creates the event, then updates that same event', async () => {
      const ref = await upsert(sampleEvent());
      const updated = await upsert(sampleEvent({ title: 'Boiler repair' }), ref);
      expect(updated.externalId).toBe(ref.externalId);
      expect(updated.etag).toBeTruthy();
      expect((await t.liveEvents()).map((e) => [e.id, e.title, e.location])).toEqual([
        [ref.externalId, 'Boiler repair', '12 rue de la Paix, 75002 Paris'],
      ]);
    });

    it('makes no second event when called again without the id (a crash before we stored it)', async () => {
      const first = await upsert(sampleEvent());
      const again = await upsert(sampleEvent({ title: 'Boiler repair' }));
      expect(again.externalId).toBe(first.externalId);
      expect((await t.liveEvents()).map((e) => e.title)).toEqual(['Boiler repair']);
    });

    it('writes the event again when it was deleted, with or without the old id', async () => {
      const ref = await upsert(sampleEvent());
      await remove(sampleEvent().syncKey, ref);
      expect(await t.liveEvents()).toEqual([]);
      const revived = await upsert(sampleEvent(), ref);
      expect((await t.liveEvents()).map((e) => e.id)).toEqual([revived.externalId]);
      await remove(sampleEvent().syncKey, revived);
      const again = await upsert(sampleEvent());
      expect((await t.liveEvents()).map((e) => e.id)).toEqual([again.externalId]);
    });

    it('writes 09:00 Europe/Paris as 09:00 Paris time, shown in the Paris zone', async () => {
      await upsert(sampleEvent({ startsAt: new Date('2026-07-01T07:00:00Z'), endsAt: new Date('2026-07-01T08:30:00Z') }));
      const [shown] = await t.liveEvents();
      const paris = (ms: number) => new Date(ms).toLocaleTimeString('en-GB', { timeZone: 'Europe/Paris' });
      expect([paris(shown!.startMs), paris(shown!.endMs), shown!.timeZone]).toEqual(['09:00:00', '10:30:00', harness.parisZone]);
    });

    // Daylight-saving nights: the wall clock skips an hour (spring) or runs one twice (autumn).
    // Whatever the provider stores (UTC, a Windows zone name, a VTIMEZONE), the event must
    // start and end at the same instants as the intervention.
    it.each([
      ['Paris, across the spring-forward gap (01:30 CET -> 03:30 CEST)', 'Europe/Paris', '2027-03-28T00:30:00Z', '2027-03-28T01:30:00Z'],
      ['Paris, the autumn overlap (first 02:30 -> second 02:30)', 'Europe/Paris', '2027-10-31T00:30:00Z', '2027-10-31T01:30:00Z'],
      ['New York, across the spring-forward gap (01:30 EST -> 03:30 EDT)', 'America/New_York', '2027-03-14T06:30:00Z', '2027-03-14T07:30:00Z'],
      ['New York, the autumn overlap (first 01:30 -> second 01:30)', 'America/New_York', '2027-11-07T05:30:00Z', '2027-11-07T06:30:00Z'],
    ])('keeps the instants of an event on a daylight-saving night: %s', async (_name, timeZone, start, end) => {
      await upsert(sampleEvent({ timeZone, startsAt: new Date(start), endsAt: new Date(end) }));
      const [shown] = await t.liveEvents();
      expect([new Date(shown!.startMs).toISOString(), new Date(shown!.endMs).toISOString()]).toEqual([new Date(start).toISOString(), new Date(end).toISOString()]);
    });

    it('is RATE_LIMITED when the provider throttles, without retrying inside', async () => {
      await t.faults.throttle();
      await upsert(sampleEvent()).catch(() => undefined);
      expect((await rejection(upsert(sampleEvent({ syncKey: 'other' })))).code).toBe('RATE_LIMITED');
    });

    it('is TRANSIENT on a 503, and the retry makes exactly one event', async () => {
      await t.faults.failNextCreate();
      expect((await rejection(upsert(sampleEvent()))).code).toBe('TRANSIENT');
      await upsert(sampleEvent());
      expect(await t.liveEvents()).toHaveLength(1);
    });

    it(`is ${harness.readOnlyCode} on a calendar the person can only read`, async () => {
      const readOnly = (await t.provider().listCalendars(t.context())).find((c) => !c.canWrite)!.id;
      expect((await rejection(upsert(sampleEvent(), undefined, readOnly))).code).toBe(harness.readOnlyCode);
    });

    it('reports a refused access token (401) as AccessTokenRejected and refreshes nothing itself', async () => {
      const tokenCalls = await t.faults.refuseAccess();
      expect(await rejection(upsert(sampleEvent()))).toBeInstanceOf(AccessTokenRejected);
      expect(await tokenCalls()).toEqual([]);
      expect(await t.liveEvents()).toHaveLength(0);
    });

    it('deletes the event; deleting again, without the id, or an event never made all succeed', async () => {
      const ref = await upsert(sampleEvent());
      await remove(sampleEvent().syncKey, ref);
      expect(await t.liveEvents()).toEqual([]);
      await remove(sampleEvent().syncKey, ref);
      await remove(sampleEvent().syncKey);
      await remove('never-synced');
    });

    it('finds the event to delete by its sync key when the id was never stored, leaving the others', async () => {
      await upsert(sampleEvent());
      await upsert(sampleEvent({ syncKey: 'integration-1:intervention-2', title: 'Other' }));
      await remove(sampleEvent().syncKey);
      expect((await t.liveEvents()).map((e) => e.title)).toEqual(['Other']);
    });

    it('finds the event to delete by its sync key when the stored id is stale', async () => {
      await upsert(sampleEvent());
      await remove(sampleEvent().syncKey, { externalId: 'stale0id0that0does0not0exist' });
      expect(await t.liveEvents()).toEqual([]);
    });
  });
}

/**
 * A stand-in for our notification endpoints: echoes Graph's validation handshake, records the
 * secret of every notification (Google X-Goog-Channel-Token, Graph clientState).
 */
async function startReceiver(): Promise<{ url: string; secrets: () => string[]; close: () => Promise<void> }> {
  const secrets: string[] = [];
  const body = (req: IncomingMessage) => new Promise<string>((resolve) => {
    let text = '';
    req.on('data', (chunk: Buffer) => (text += chunk.toString()));
    req.on('end', () => resolve(text));
  });
  const server: Server = createServer((req, res) => {
    const token = new URL(req.url ?? '/', 'http://x').searchParams.get('validationToken');
    if (token !== null) return void res.writeHead(200, { 'content-type': 'text/plain' }).end(token);
    const google = req.headers['x-goog-channel-token'];
    void body(req).then((text) => {
      if (typeof google === 'string') secrets.push(google);
      else if (text) for (const n of (JSON.parse(text) as { value: { clientState?: string }[] }).value) if (n.clientState) secrets.push(n.clientState);
      res.writeHead(202).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  return { url: `http://127.0.0.1:${port}`, secrets: () => [...secrets], close: () => new Promise((resolve) => server.close(() => resolve())) };
}

async function until(check: () => boolean, timeoutMs = 3_000): Promise<void> {
  const started = Date.now();
  while (!check()) {
    if (Date.now() - started > timeoutMs) throw new Error(`not within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
