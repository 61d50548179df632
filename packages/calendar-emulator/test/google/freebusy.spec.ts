// freebusy.query through googleapis (developers.google.com/calendar/api/v3/reference/freebusy/query):
// merged busy blocks per calendar, per-calendar notFound, transparent and cancelled events
// not busy, recurring events expanded, the answer's time zone, refused ranges and scopes.
import { beforeEach, describe, expect, it } from 'vitest';
import { useEmulator } from '../helpers/emulator.js';
import { calendarApi, connectGoogle } from '../helpers/google.js';
import { failure, googleReason } from '../helpers/errors.js';

const emu = useEmulator();
let cal: ReturnType<typeof calendarApi>;

beforeEach(async () => {
  const { client } = await connectGoogle(emu.get());
  cal = calendarApi(emu.get(), client);
});

const at = (hhmm: string, day = '2026-12-01') => ({ dateTime: `${day}T${hhmm}:00Z` });
const add = (calendarId: string, from: string, to: string, extra: Record<string, unknown> = {}) =>
  cal.events.insert({ calendarId, requestBody: { start: at(from), end: at(to), ...extra } });
const query = async (ids: string[], extra: Record<string, unknown> = {}) =>
  (await cal.freebusy.query({ requestBody: { timeMin: '2026-12-01T00:00:00Z', timeMax: '2026-12-02T00:00:00Z', items: ids.map((id) => ({ id })), ...extra } })).data;

describe('freebusy.query', () => {
  it('answers merged busy blocks for several calendars and notFound for an unknown one', async () => {
    const interventions = (await cal.calendarList.list()).data.items!.find((c) => c.summary === 'Interventions')!.id!;
    await add('primary', '09:00', '10:00');
    await add('primary', '09:30', '11:00');
    await add('primary', '11:00', '11:30');
    await add('primary', '14:00', '15:00');
    await add(interventions, '16:00', '17:00');
    const data = await query(['primary', interventions, 'nobody@example.com']);
    expect(data.kind).toBe('calendar#freeBusy');
    expect(data.calendars!.primary!.busy).toEqual([{ start: '2026-12-01T09:00:00Z', end: '2026-12-01T11:30:00Z' }, { start: '2026-12-01T14:00:00Z', end: '2026-12-01T15:00:00Z' }]);
    expect(data.calendars![interventions]!.busy).toEqual([{ start: '2026-12-01T16:00:00Z', end: '2026-12-01T17:00:00Z' }]);
    expect(data.calendars!['nobody@example.com']).toEqual({ errors: [{ domain: 'global', reason: 'notFound' }], busy: [] });
  });

  it('a "free" (transparent) event is not busy; an opaque one beside it is', async () => {
    await add('primary', '09:00', '10:00', { transparency: 'transparent' });
    await add('primary', '12:00', '13:00', { transparency: 'opaque' });
    expect((await query(['primary'])).calendars!.primary!.busy).toEqual([{ start: '2026-12-01T12:00:00Z', end: '2026-12-01T13:00:00Z' }]);
  });

  it('a deleted event is not busy', async () => {
    const { data } = await add('primary', '09:00', '10:00');
    await cal.events.delete({ calendarId: 'primary', eventId: data.id! });
    expect((await query(['primary'])).calendars!.primary!.busy).toEqual([]);
  });

  it('expands recurring events; a cancelled instance is not busy', async () => {
    await cal.events.insert({ calendarId: 'primary', requestBody: { id: 'series0002', start: { dateTime: '2026-11-30T08:00:00', timeZone: 'Europe/Paris' }, end: { dateTime: '2026-11-30T09:00:00', timeZone: 'Europe/Paris' }, recurrence: ['RRULE:FREQ=DAILY'] } });
    await cal.events.delete({ calendarId: 'primary', eventId: 'series0002_20261202T070000Z' });
    const data = await query(['primary'], { timeMax: '2026-12-04T00:00:00Z' });
    expect(data.calendars!.primary!.busy).toEqual([
      { start: '2026-12-01T07:00:00Z', end: '2026-12-01T08:00:00Z' },
      { start: '2026-12-03T07:00:00Z', end: '2026-12-03T08:00:00Z' },
    ]);
  });

  it('clips blocks to the window and renders them in the requested timeZone', async () => {
    await cal.events.insert({ calendarId: 'primary', requestBody: { start: at('22:00', '2026-11-30'), end: at('10:00') } });
    const data = await query(['primary'], { timeZone: 'Europe/Paris' });
    expect(data.calendars!.primary!.busy).toEqual([{ start: '2026-12-01T01:00:00+01:00', end: '2026-12-01T11:00:00+01:00' }]);
  });

  it('refuses an empty range (400 timeRangeEmpty) and a missing timeMin (400)', async () => {
    const f = await failure(cal.freebusy.query({ requestBody: { timeMin: '2026-12-02T00:00:00Z', timeMax: '2026-12-01T00:00:00Z', items: [{ id: 'primary' }] } }));
    expect(f.status).toBe(400);
    expect(googleReason(f).reason).toBe('timeRangeEmpty');
    expect((await failure(cal.freebusy.query({ requestBody: { timeMax: '2026-12-01T00:00:00Z', items: [{ id: 'primary' }] } }))).status).toBe(400);
  });

  it('works with the calendar.freebusy scope alone, not with calendar.events.readonly', async () => {
    const fb = calendarApi(emu.get(), (await connectGoogle(emu.get(), 'bob@example.com', { scope: ['https://www.googleapis.com/auth/calendar.freebusy'] })).client);
    expect((await fb.freebusy.query({ requestBody: { timeMin: '2026-12-01T00:00:00Z', timeMax: '2026-12-02T00:00:00Z', items: [{ id: 'primary' }] } })).data.calendars!.primary!.busy).toEqual([]);
    const ro = calendarApi(emu.get(), (await connectGoogle(emu.get(), 'bob@example.com', { scope: ['https://www.googleapis.com/auth/calendar.events.readonly'] })).client);
    expect((await failure(ro.freebusy.query({ requestBody: { timeMin: '2026-12-01T00:00:00Z', timeMax: '2026-12-02T00:00:00Z', items: [{ id: 'primary' }] } }))).status).toBe(403);
  });
});
