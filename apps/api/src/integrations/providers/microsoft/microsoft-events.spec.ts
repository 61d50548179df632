// upsertEvent/deleteEvent of MicrosoftCalendarProvider against the in-process emulator:
// real MSAL and Graph SDK; what Outlook holds is read from the emulator's state.
import { startEmulator, type EmulatorHandle } from '@fs/calendar-emulator';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { CalendarEventInput, ProviderTokens, TokenContext } from '../calendar-provider';
import { AccessTokenRejected, ProviderError } from '../provider-error';
import { MicrosoftCalendarProvider } from './microsoft-calendar.provider';
import { SYNC_KEY_PROPERTY_ID } from './microsoft-event.mapper';
import { emulatorEndpoints, signIn } from '../../../../test/support/emulated-provider';

const EMAIL = 'alice@example.com';

let emu: EmulatorHandle;
let provider: MicrosoftCalendarProvider;
let tokens: ProviderTokens;
let calendarId: string;

beforeAll(async () => {
  emu = await startEmulator({ port: 0, httpsPort: 0, quiet: true });
  provider = new MicrosoftCalendarProvider((await emulatorEndpoints(emu)).microsoft!);
});

afterAll(async () => {
  await emu?.close();
});

beforeEach(async () => {
  await emu.control.reset();
  tokens = await signIn(provider, EMAIL);
  calendarId = (await provider.listCalendars(context())).find((c) => c.name === 'Interventions')!.id;
});

function context(): TokenContext {
  return { tokens };
}

const event = (overrides: Partial<CalendarEventInput> = {}): CalendarEventInput => ({
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

interface StoredGraphEvent {
  calendarId: string;
  subject: string;
  startMs: number;
  endMs: number;
  originalStartTimeZone: string;
  location: { displayName?: string };
}

/** Live (not deleted) Microsoft events in the emulator, as Outlook would show them. */
async function liveEvents() {
  const state = await emu.control.state();
  return state.events.filter((e) => e.provider === 'microsoft' && !e.deleted).map((e) => ({ id: e.id, ...(e.body as unknown as StoredGraphEvent) }));
}

async function rejection(promise: Promise<unknown>): Promise<ProviderError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ProviderError);
  return error as ProviderError;
}

describe('Microsoft upsertEvent', () => {
  it('creates the event, then updates the same one when the intervention changes', async () => {
    const ref = await provider.upsertEvent(context(), calendarId, event());
    const updated = await provider.upsertEvent(context(), calendarId, event({ title: 'Boiler repair' }), ref);
    expect(updated.externalId).toBe(ref.externalId);
    expect(updated.etag).toBeTruthy();
    const live = await liveEvents();
    expect(live.map((e) => [e.id, e.subject, e.location.displayName])).toEqual([[ref.externalId, 'Boiler repair', '12 rue de la Paix, 75002 Paris']]);
  });

  it('makes no second event when called again without the id (a crash before we stored it)', async () => {
    const first = await provider.upsertEvent(context(), calendarId, event());
    const again = await provider.upsertEvent(context(), calendarId, event({ title: 'Boiler repair' }));
    expect(again.externalId).toBe(first.externalId);
    expect((await liveEvents()).map((e) => e.subject)).toEqual(['Boiler repair']);
  });

  it('creates the event again when the person deleted it in Outlook (PATCH 404)', async () => {
    const ref = await provider.upsertEvent(context(), calendarId, event());
    await provider.deleteEvent(context(), calendarId, { syncKey: event().syncKey, known: ref });
    const revived = await provider.upsertEvent(context(), calendarId, event(), ref);
    expect((await liveEvents()).map((e) => e.id)).toEqual([revived.externalId]);
  });

  it('removes a duplicate carrying our syncKey (left by an earlier failure), keeping one event', async () => {
    await provider.upsertEvent(context(), calendarId, event());
    // A second event with our property, as a create without transactionId would have left.
    await emu.control.call('POST', 'microsoft/events', {
      email: EMAIL,
      calendarId,
      event: {
        subject: 'Boiler service',
        start: { dateTime: '2026-12-01T09:00:00', timeZone: 'Romance Standard Time' },
        end: { dateTime: '2026-12-01T11:00:00', timeZone: 'Romance Standard Time' },
        singleValueExtendedProperties: [{ id: SYNC_KEY_PROPERTY_ID, value: event().syncKey }],
      },
    });
    expect(await liveEvents()).toHaveLength(2);
    await provider.upsertEvent(context(), calendarId, event({ title: 'Boiler repair' }));
    expect((await liveEvents()).map((e) => e.subject)).toEqual(['Boiler repair']);
  });

  it('keeps updating the event the person moved to another calendar (immutable id), without a second one', async () => {
    const ref = await provider.upsertEvent(context(), calendarId, event());
    const primary = (await provider.listCalendars(context())).find((c) => c.primary)!.id;
    await emu.control.call('POST', 'microsoft/events/move', { email: EMAIL, eventId: ref.externalId, calendarId: primary });
    const again = await provider.upsertEvent(context(), calendarId, event({ title: 'Boiler repair' }), ref);
    expect(again.externalId).toBe(ref.externalId);
    expect((await liveEvents()).map((e) => [e.subject, e.calendarId])).toEqual([['Boiler repair', primary]]);
  });

  it('makes a new event when the person picks another calendar in our app (old one deleted first)', async () => {
    const ref = await provider.upsertEvent(context(), calendarId, event());
    const primary = (await provider.listCalendars(context())).find((c) => c.primary)!.id;
    await provider.deleteEvent(context(), calendarId, { syncKey: event().syncKey, known: ref });
    const moved = await provider.upsertEvent(context(), primary, event());
    expect(moved.externalId).not.toBe(ref.externalId);
    expect((await liveEvents()).map((e) => e.calendarId)).toEqual([primary]);
  });

  it('writes 09:00 Europe/Paris as 09:00 Paris time, keeping the zone', async () => {
    await provider.upsertEvent(context(), calendarId, event({ startsAt: new Date('2026-07-01T07:00:00Z'), endsAt: new Date('2026-07-01T08:30:00Z') }));
    const [stored] = await liveEvents();
    const paris = (ms: number) => new Date(ms).toLocaleTimeString('en-GB', { timeZone: 'Europe/Paris' });
    expect([paris(stored.startMs), paris(stored.endMs)]).toEqual(['09:00:00', '10:30:00']);
    expect(stored.originalStartTimeZone).toBe('Romance Standard Time');
  });

  it('is RATE_LIMITED with retryAfterMs when Graph throttles', async () => {
    await emu.control.quota({ provider: 'microsoft', email: EMAIL, perSecond: 1 });
    await provider.upsertEvent(context(), calendarId, event()).catch(() => undefined);
    const error = await rejection(provider.upsertEvent(context(), calendarId, event()));
    expect([error.code, error.retryAfterMs]).toEqual(['RATE_LIMITED', 1000]);
  });

  it('is TRANSIENT on a 503, and the retry makes exactly one event', async () => {
    await emu.control.addFault({ provider: 'microsoft', route: 'graph.events.create', status: 503, times: 1 });
    expect((await rejection(provider.upsertEvent(context(), calendarId, event()))).code).toBe('TRANSIENT');
    await provider.upsertEvent(context(), calendarId, event());
    expect(await liveEvents()).toHaveLength(1);
  });

  it('is ACCESS_DENIED on a calendar the person can only read (403 ErrorAccessDenied)', async () => {
    const holidays = (await provider.listCalendars(context())).find((c) => !c.canWrite)!.id;
    expect((await rejection(provider.upsertEvent(context(), holidays, event()))).code).toBe('ACCESS_DENIED');
  });

  it('reports a refused access token (401) as AccessTokenRejected and refreshes nothing itself', async () => {
    await emu.control.expireTokens('microsoft', EMAIL);
    const before = (await emu.control.requests()).length;
    expect(await rejection(provider.upsertEvent(context(), calendarId, event()))).toBeInstanceOf(AccessTokenRejected);
    const after = (await emu.control.requests()).slice(before);
    expect(after.filter((r) => /token/.test(r.path))).toEqual([]);
    expect(await liveEvents()).toHaveLength(0);
  });
});

describe('Microsoft deleteEvent', () => {
  it('removes the event, and a second delete (or one without the id) succeeds', async () => {
    const ref = await provider.upsertEvent(context(), calendarId, event());
    await provider.deleteEvent(context(), calendarId, { syncKey: event().syncKey, known: ref });
    expect(await liveEvents()).toEqual([]);
    await provider.deleteEvent(context(), calendarId, { syncKey: event().syncKey, known: ref });
    await provider.deleteEvent(context(), calendarId, { syncKey: event().syncKey });
  });

  it('finds the event by its syncKey when the stored id no longer exists', async () => {
    await provider.upsertEvent(context(), calendarId, event());
    await provider.deleteEvent(context(), calendarId, { syncKey: event().syncKey, known: { externalId: 'AAkALgAAAAAAstale' } });
    expect(await liveEvents()).toEqual([]);
  });

  it('finds the event by its syncKey when the id was never stored', async () => {
    await provider.upsertEvent(context(), calendarId, event());
    await provider.upsertEvent(context(), calendarId, event({ syncKey: 'integration-1:intervention-2' }));
    await provider.deleteEvent(context(), calendarId, { syncKey: event().syncKey });
    expect((await liveEvents()).length).toBe(1);
  });
});
