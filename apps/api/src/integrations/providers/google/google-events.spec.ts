// upsertEvent/deleteEvent of GoogleCalendarProvider against the in-process emulator:
// real google-auth-library and @googleapis/calendar; what Google holds is read from the
// emulator's state (tombstones included).
import { startEmulator, type EmulatorHandle } from '@fs/calendar-emulator';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { CalendarEventInput, ProviderTokens, TokenContext } from '../calendar-provider';
import { AccessTokenRejected, ProviderError } from '../provider-error';
import { GoogleCalendarProvider } from './google-calendar.provider';
import { googleEventId } from './google-event.mapper';
import { emulatorEndpoints, signIn } from '../../../../test/support/emulated-provider';

const EMAIL = 'alice@example.com';

let emu: EmulatorHandle;
let provider: GoogleCalendarProvider;
let tokens: ProviderTokens;
let calendarId: string;

beforeAll(async () => {
  emu = await startEmulator({ port: 0, httpsPort: 0, quiet: true });
  provider = new GoogleCalendarProvider((await emulatorEndpoints(emu)).google!);
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

interface StoredGoogleEvent {
  summary: string;
  status: string;
  location: string;
  start: { dateTime: string; timeZone?: string };
  end: { dateTime: string; timeZone?: string };
  extendedProperties?: { private?: Record<string, string> };
}

/** Every Google event in the emulator, tombstones included. */
async function allEvents() {
  const state = await emu.control.state();
  return state.events.filter((e) => e.provider === 'google').map((e) => ({ id: e.id, deleted: e.deleted, ...(e.body as unknown as StoredGoogleEvent) }));
}
const liveEvents = async () => (await allEvents()).filter((e) => !e.deleted);

async function rejection(promise: Promise<unknown>): Promise<ProviderError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ProviderError);
  return error as ProviderError;
}

describe('Google upsertEvent', () => {
  it('creates the event under the id derived from the syncKey, then updates that same event', async () => {
    const ref = await provider.upsertEvent(context(), calendarId, event());
    expect(ref.externalId).toBe(googleEventId(event().syncKey));
    const updated = await provider.upsertEvent(context(), calendarId, event({ title: 'Boiler repair' }), ref);
    expect(updated.externalId).toBe(ref.externalId);
    expect(updated.etag).not.toBe(ref.etag);
    const live = await liveEvents();
    expect(live.map((e) => [e.id, e.summary, e.location])).toEqual([[ref.externalId, 'Boiler repair', '12 rue de la Paix, 75002 Paris']]);
    expect(live[0].extendedProperties?.private).toEqual({ syncKey: event().syncKey, interventionId: 'intervention-1' });
  });

  it('makes no second event when called again without the id (a crash before we stored it): 409, then update', async () => {
    await provider.upsertEvent(context(), calendarId, event());
    await provider.upsertEvent(context(), calendarId, event({ title: 'Boiler repair' }));
    expect((await allEvents()).map((e) => e.summary)).toEqual(['Boiler repair']);
  });

  it('revives the deleted event (a tombstone keeps its id) instead of failing on 409', async () => {
    const ref = await provider.upsertEvent(context(), calendarId, event());
    await provider.deleteEvent(context(), calendarId, { syncKey: event().syncKey, known: ref });
    expect(await liveEvents()).toEqual([]);
    await provider.upsertEvent(context(), calendarId, event());
    const all = await allEvents();
    expect(all.map((e) => [e.id, e.status])).toEqual([[ref.externalId, 'confirmed']]);
  });

  it('revives it too when the id is known (update of a tombstone with status confirmed)', async () => {
    const ref = await provider.upsertEvent(context(), calendarId, event());
    await provider.deleteEvent(context(), calendarId, { syncKey: event().syncKey, known: ref });
    await provider.upsertEvent(context(), calendarId, event(), ref);
    expect((await liveEvents()).map((e) => e.id)).toEqual([ref.externalId]);
  });

  it('moves to the next id when Google purged the tombstone but keeps its id taken (409 then 404), without duplicating on retry', async () => {
    const ref = await provider.upsertEvent(context(), calendarId, event());
    await provider.deleteEvent(context(), calendarId, { syncKey: event().syncKey, known: ref });
    await emu.control.call('POST', 'google/tombstones/purge');
    const revived = await provider.upsertEvent(context(), calendarId, event(), ref);
    expect(revived.externalId).toBe(googleEventId(event().syncKey, 1));
    await provider.upsertEvent(context(), calendarId, event({ title: 'Boiler repair' }));
    expect((await liveEvents()).map((e) => [e.id, e.summary])).toEqual([[revived.externalId, 'Boiler repair']]);
  });

  it('writes 09:00 Europe/Paris as 09:00 Paris time, with the zone', async () => {
    await provider.upsertEvent(context(), calendarId, event({ startsAt: new Date('2026-07-01T07:00:00Z'), endsAt: new Date('2026-07-01T08:30:00Z') }));
    const [stored] = await liveEvents();
    const paris = (iso: string) => new Date(iso).toLocaleTimeString('en-GB', { timeZone: 'Europe/Paris' });
    expect([paris(stored.start.dateTime), paris(stored.end.dateTime)]).toEqual(['09:00:00', '10:30:00']);
    expect(stored.start.timeZone).toBe('Europe/Paris');
  });

  it('is RATE_LIMITED when Google throttles (403 rateLimitExceeded)', async () => {
    await emu.control.quota({ provider: 'google', email: EMAIL, perSecond: 1, googleThrottleStatus: 403 });
    await provider.upsertEvent(context(), calendarId, event()).catch(() => undefined);
    const error = await rejection(provider.upsertEvent(context(), calendarId, event({ syncKey: 'other' })));
    expect(error.code).toBe('RATE_LIMITED');
  });

  it('is TRANSIENT on a 503, and the retry makes exactly one event', async () => {
    await emu.control.addFault({ provider: 'google', route: 'events.insert', status: 503, times: 1 });
    expect((await rejection(provider.upsertEvent(context(), calendarId, event()))).code).toBe('TRANSIENT');
    await provider.upsertEvent(context(), calendarId, event());
    expect(await allEvents()).toHaveLength(1);
  });

  it('is PERMANENT on a calendar the person can only read', async () => {
    const holidays = (await provider.listCalendars(context())).find((c) => !c.canWrite)!.id;
    expect((await rejection(provider.upsertEvent(context(), holidays, event()))).code).toBe('PERMANENT');
  });

  it('reports a refused access token (401) as AccessTokenRejected and refreshes nothing itself', async () => {
    await emu.control.expireTokens('google', EMAIL);
    const before = (await emu.control.requests()).length;
    expect(await rejection(provider.upsertEvent(context(), calendarId, event()))).toBeInstanceOf(AccessTokenRejected);
    const after = (await emu.control.requests()).slice(before);
    expect(after.filter((r) => /token/.test(r.path))).toEqual([]);
    expect(await liveEvents()).toHaveLength(0);
  });
});

describe('Google deleteEvent', () => {
  it('cancels the event; a second delete (410) and a delete of an event never made (404) succeed', async () => {
    const ref = await provider.upsertEvent(context(), calendarId, event());
    await provider.deleteEvent(context(), calendarId, { syncKey: event().syncKey, known: ref });
    expect((await allEvents()).map((e) => e.status)).toEqual(['cancelled']);
    await provider.deleteEvent(context(), calendarId, { syncKey: event().syncKey });
    await provider.deleteEvent(context(), calendarId, { syncKey: 'never-synced' });
  });

  it('without the id, finds our event by its private syncKey property (whatever its id generation)', async () => {
    const ref = await provider.upsertEvent(context(), calendarId, event());
    await provider.deleteEvent(context(), calendarId, { syncKey: event().syncKey, known: ref });
    await emu.control.call('POST', 'google/tombstones/purge');
    await provider.upsertEvent(context(), calendarId, event());
    await provider.upsertEvent(context(), calendarId, event({ syncKey: 'integration-1:intervention-2' }));
    await provider.deleteEvent(context(), calendarId, { syncKey: event().syncKey });
    expect((await liveEvents()).map((e) => e.extendedProperties?.private?.syncKey)).toEqual(['integration-1:intervention-2']);
  });
});
