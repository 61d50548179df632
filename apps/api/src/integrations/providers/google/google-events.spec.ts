// GoogleCalendarProvider against the in-process emulator (real google-auth-library and
// @googleapis/calendar): the shared CalendarProvider contract, then what is Google's own
// (event ids derived from the sync key, tombstones that keep their id).
import { describe, expect, it } from 'vitest';
import {
  describeProviderContract,
  sampleEvent,
  useEmulatedProvider,
  type ProviderHarness,
} from '../../../../test/support/provider-contract';
import { GoogleCalendarProvider } from './google-calendar.provider';
import { googleEventId } from './google-event.mapper';

interface StoredGoogleEvent {
  summary: string;
  status: string;
  location?: string;
  start: { dateTime: string; timeZone?: string };
  end: { dateTime: string; timeZone?: string };
  extendedProperties?: { private?: Record<string, string> };
}

const google: ProviderHarness = {
  name: 'Google',
  emulatorId: 'google',
  create: (endpoints) => new GoogleCalendarProvider(endpoints.google!),
  shown: ({ id, calendarId, body }) => {
    const e = body as unknown as StoredGoogleEvent;
    return {
      id,
      calendarId,
      title: e.summary,
      location: e.location,
      startMs: Date.parse(e.start.dateTime),
      endMs: Date.parse(e.end.dateTime),
      timeZone: e.start.timeZone,
    };
  },
  parisZone: 'Europe/Paris',
  createRoute: 'events.insert',
  // Google throttles with 403 rateLimitExceeded as often as with 429: the harder case.
  throttle: (emu) => emu.control.quota({ provider: 'google', email: 'alice@example.com', perSecond: 1, googleThrottleStatus: 403 }),
  readOnlyCode: 'PERMANENT',
};

const t = useEmulatedProvider(google);
describeProviderContract(google, t);

/** Every Google event in the emulator, tombstones included. */
async function allEvents() {
  const state = await t.emu().control.state();
  return state.events.filter((e) => e.provider === 'google').map((e) => ({ id: e.id, ...(e.body as unknown as StoredGoogleEvent) }));
}
const upsert = (...args: Parameters<typeof sampleEvent>) => t.provider().upsertEvent(t.context(), t.calendarId(), sampleEvent(...args));

describe('Google: event ids and tombstones', () => {
  it('creates the event under the id derived from the syncKey, with the keys as private properties', async () => {
    const ref = await upsert();
    expect(ref.externalId).toBe(googleEventId(sampleEvent().syncKey));
    const [stored] = await allEvents();
    expect(stored!.extendedProperties?.private).toEqual({ syncKey: sampleEvent().syncKey, interventionId: 'intervention-1' });
  });

  it('revives the deleted event (a tombstone keeps its id) instead of making another', async () => {
    const ref = await upsert();
    await t.provider().deleteEvent(t.context(), t.calendarId(), { syncKey: sampleEvent().syncKey, known: ref });
    await upsert();
    expect((await allEvents()).map((e) => [e.id, e.status])).toEqual([[ref.externalId, 'confirmed']]);
  });

  it('moves to the next id when Google purged the tombstone but keeps its id taken (409 then 404), without duplicating on retry', async () => {
    const ref = await upsert();
    await t.provider().deleteEvent(t.context(), t.calendarId(), { syncKey: sampleEvent().syncKey, known: ref });
    await t.emu().control.call('POST', 'google/tombstones/purge');
    const revived = await t.provider().upsertEvent(t.context(), t.calendarId(), sampleEvent(), ref);
    expect(revived.externalId).toBe(googleEventId(sampleEvent().syncKey, 1));
    await upsert({ title: 'Boiler repair' });
    expect((await t.liveEvents()).map((e) => [e.id, e.title])).toEqual([[revived.externalId, 'Boiler repair']]);
  });

  it('without the id, deletes our event by its private syncKey whatever its id generation', async () => {
    const ref = await upsert();
    await t.provider().deleteEvent(t.context(), t.calendarId(), { syncKey: sampleEvent().syncKey, known: ref });
    await t.emu().control.call('POST', 'google/tombstones/purge');
    await upsert();
    await upsert({ syncKey: 'integration-1:intervention-2' });
    await t.provider().deleteEvent(t.context(), t.calendarId(), { syncKey: sampleEvent().syncKey });
    expect((await allEvents()).filter((e) => e.status !== 'cancelled').map((e) => e.extendedProperties?.private?.syncKey)).toEqual([
      'integration-1:intervention-2',
    ]);
  });
});
