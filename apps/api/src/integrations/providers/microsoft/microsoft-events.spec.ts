// MicrosoftCalendarProvider against the in-process emulator (real MSAL and Graph SDK): the
// shared CalendarProvider contract, then what is Outlook's own (no client-chosen ids, so
// duplicates are possible; immutable ids that follow an event the person moved).
import { describe, expect, it } from 'vitest';
import {
  EMAIL,
  describeProviderContract,
  sampleEvent,
  useEmulatedProvider,
  type ProviderHarness,
} from '../../../../test/support/provider-contract';
import { MicrosoftCalendarProvider } from './microsoft-calendar.provider';
import { SYNC_KEY_PROPERTY_ID } from './microsoft-event.mapper';

interface StoredGraphEvent {
  subject: string;
  startMs: number;
  endMs: number;
  originalStartTimeZone: string;
  location: { displayName?: string };
}

const microsoft: ProviderHarness = {
  name: 'Microsoft',
  emulatorId: 'microsoft',
  create: (endpoints) => new MicrosoftCalendarProvider(endpoints.microsoft!),
  shown: ({ id, calendarId, body }) => {
    const e = body as unknown as StoredGraphEvent;
    return { id, calendarId, title: e.subject, location: e.location.displayName, startMs: e.startMs, endMs: e.endMs, timeZone: e.originalStartTimeZone };
  },
  parisZone: 'Romance Standard Time',
  createRoute: 'graph.events.create',
  throttle: (emu) => emu.control.quota({ provider: 'microsoft', email: EMAIL, perSecond: 1 }),
  // Graph answers 403 ErrorAccessDenied.
  readOnlyCode: 'ACCESS_DENIED',
};

const t = useEmulatedProvider(microsoft);
describeProviderContract(microsoft, t);

const upsert = (...args: Parameters<typeof sampleEvent>) => t.provider().upsertEvent(t.context(), t.calendarId(), sampleEvent(...args));

describe('Microsoft: duplicates, moved events, throttling hints', () => {
  it('makes a first write in one call, no lookup; a repeat of it (crash before we stored the id) keeps one event, brought up to date', async () => {
    await t.emu().control.call('DELETE', 'requests');
    const first = await t.provider().upsertEvent(t.context(), t.calendarId(), sampleEvent(), undefined, { firstWrite: true });
    const graphCalls = async () => (await t.emu().control.requests()).map((r) => r.route).filter((route) => route.startsWith('graph.'));
    expect(await graphCalls()).toEqual(['graph.events.create']);
    const again = await t.provider().upsertEvent(t.context(), t.calendarId(), sampleEvent({ title: 'Boiler repair' }), undefined, { firstWrite: true });
    expect(again.externalId).toBe(first.externalId);
    expect((await t.liveEvents()).map((e) => e.title)).toEqual(['Boiler repair']);
  });

  it('falls back to the syncKey lookup when Graph answers a repeated transactionId with 409', async () => {
    await t.emu().control.call('POST', 'microsoft/settings', { duplicateTransactionId: 'conflict' });
    const first = await t.provider().upsertEvent(t.context(), t.calendarId(), sampleEvent(), undefined, { firstWrite: true });
    const again = await t.provider().upsertEvent(t.context(), t.calendarId(), sampleEvent({ title: 'Boiler repair' }), undefined, { firstWrite: true });
    expect(again.externalId).toBe(first.externalId);
    expect((await t.liveEvents()).map((e) => e.title)).toEqual(['Boiler repair']);
  });

  it('removes a duplicate carrying our syncKey (left by an earlier failure), keeping one event', async () => {
    await upsert();
    // A second event with our property, as a create without transactionId would have left.
    await t.emu().control.call('POST', 'microsoft/events', {
      email: EMAIL,
      calendarId: t.calendarId(),
      event: {
        subject: 'Boiler service',
        start: { dateTime: '2026-12-01T09:00:00', timeZone: 'Romance Standard Time' },
        end: { dateTime: '2026-12-01T11:00:00', timeZone: 'Romance Standard Time' },
        singleValueExtendedProperties: [{ id: SYNC_KEY_PROPERTY_ID, value: sampleEvent().syncKey }],
      },
    });
    expect(await t.liveEvents()).toHaveLength(2);
    await upsert({ title: 'Boiler repair' });
    expect((await t.liveEvents()).map((e) => e.title)).toEqual(['Boiler repair']);
  });

  it('keeps updating the event the person moved to another calendar (immutable id), without a second one', async () => {
    const ref = await upsert();
    const primary = (await t.provider().listCalendars(t.context())).find((c) => c.primary)!.id;
    await t.emu().control.call('POST', 'microsoft/events/move', { email: EMAIL, eventId: ref.externalId, calendarId: primary });
    const again = await t.provider().upsertEvent(t.context(), t.calendarId(), sampleEvent({ title: 'Boiler repair' }), ref);
    expect(again.externalId).toBe(ref.externalId);
    expect((await t.liveEvents()).map((e) => [e.title, e.calendarId])).toEqual([['Boiler repair', primary]]);
  });

  it('makes a new event when the person picks another calendar in our app (old one deleted first)', async () => {
    const ref = await upsert();
    const primary = (await t.provider().listCalendars(t.context())).find((c) => c.primary)!.id;
    await t.provider().deleteEvent(t.context(), t.calendarId(), { syncKey: sampleEvent().syncKey, known: ref });
    const moved = await t.provider().upsertEvent(t.context(), primary, sampleEvent());
    expect(moved.externalId).not.toBe(ref.externalId);
    expect((await t.liveEvents()).map((e) => e.calendarId)).toEqual([primary]);
  });

  it('carries Retry-After as retryAfterMs when Graph throttles', async () => {
    await t.emu().control.quota({ provider: 'microsoft', email: EMAIL, perSecond: 1 });
    await upsert().catch(() => undefined);
    const error = await upsert().then(
      () => undefined,
      (e: { code?: string; retryAfterMs?: number }) => e,
    );
    expect([error?.code, error?.retryAfterMs]).toEqual(['RATE_LIMITED', 1000]);
  });
});
