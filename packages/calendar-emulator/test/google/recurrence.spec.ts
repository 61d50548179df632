// Recurring events through googleapis (events reference: recurrence, recurringEventId,
// originalStartTime; events.list singleEvents; events.instances): expansion across DST in the
// event's zone, instance ids, exceptions (changed or cancelled instances) and incremental sync.
import { beforeEach, describe, expect, it } from 'vitest';
import type { calendar_v3 } from 'googleapis';
import { useEmulator } from '../helpers/emulator.js';
import { calendarApi, connectGoogle } from '../helpers/google.js';
import { listAll } from '../helpers/google-events.js';
import { failure, googleReason } from '../helpers/errors.js';

const emu = useEmulator();
let cal: ReturnType<typeof calendarApi>;

beforeEach(async () => {
  const { client } = await connectGoogle(emu.get());
  cal = calendarApi(emu.get(), client);
  await emu.get().control.call('POST', 'google/settings', { randomPageSizes: false });
});

const paris = (local: string) => ({ dateTime: local, timeZone: 'Europe/Paris' });
/** Mondays 09:00-10:00 Paris from 16 March 2026: EU summer time starts on 29 March. */
const weekly = (extra: calendar_v3.Schema$Event = {}) =>
  cal.events.insert({ calendarId: 'primary', requestBody: { id: 'series0001', summary: 'Round', start: paris('2026-03-16T09:00:00'), end: paris('2026-03-16T10:00:00'), recurrence: ['RRULE:FREQ=WEEKLY;COUNT=4'], ...extra } });
const window = { timeMin: '2026-03-01T00:00:00Z', timeMax: '2026-05-01T00:00:00Z' };
const singles = async (extra: calendar_v3.Params$Resource$Events$List = {}) => (await listAll(cal, { singleEvents: true, ...window, timeZone: 'Europe/Paris', ...extra })).items;

describe('expansion (singleEvents=true, events.instances)', () => {
  it('a weekly 09:00 Europe/Paris stays 09:00 across DST; ids are <id>_<UTC start>', async () => {
    await weekly();
    const items = await singles({ orderBy: 'startTime' });
    expect(items.map((e) => e.start!.dateTime)).toEqual(['2026-03-16T09:00:00+01:00', '2026-03-23T09:00:00+01:00', '2026-03-30T09:00:00+02:00', '2026-04-06T09:00:00+02:00']);
    expect(items.map((e) => e.id)).toEqual(['series0001_20260316T080000Z', 'series0001_20260323T080000Z', 'series0001_20260330T070000Z', 'series0001_20260406T070000Z']);
    expect(items[2]).toMatchObject({ recurringEventId: 'series0001', originalStartTime: { timeZone: 'Europe/Paris' }, summary: 'Round', end: { dateTime: '2026-03-30T10:00:00+02:00' } });
    expect(items[2]!.recurrence).toBeUndefined();
  });

  it('without singleEvents the series is one item with its recurrence; orderBy=startTime is refused (400)', async () => {
    await weekly();
    const { items } = await listAll(cal, window);
    expect(items.map((e) => e.id)).toEqual(['series0001']);
    expect(items[0]!.recurrence).toEqual(['RRULE:FREQ=WEEKLY;COUNT=4']);
    const f = await failure(cal.events.list({ calendarId: 'primary', orderBy: 'startTime' }));
    expect(f.status).toBe(400);
    expect(googleReason(f).location).toBe('orderBy');
  });

  it('honours EXDATE, RDATE and a UTC UNTIL; timeMin/timeMax cut the expansion', async () => {
    await cal.events.insert({
      calendarId: 'primary',
      requestBody: {
        id: 'repeat0001', start: paris('2026-03-02T18:00:00'), end: paris('2026-03-02T18:30:00'),
        recurrence: ['RRULE:FREQ=DAILY;UNTIL=20260305T170000Z', 'EXDATE;TZID=Europe/Paris:20260303T180000', 'RDATE;TZID=Europe/Paris:20260310T120000'],
      },
    });
    const all = await singles();
    expect(all.map((e) => e.id)).toEqual(['repeat0001_20260302T170000Z', 'repeat0001_20260304T170000Z', 'repeat0001_20260305T170000Z', 'repeat0001_20260310T110000Z']);
    const cut = await singles({ timeMin: '2026-03-04T17:30:00Z', timeMax: '2026-03-10T00:00:00Z' });
    expect(cut.map((e) => e.id)).toEqual(['repeat0001_20260305T170000Z']);
    const { data } = await cal.events.instances({ calendarId: 'primary', eventId: 'repeat0001', timeMin: '2026-03-04T00:00:00Z' });
    expect(data.items!.map((e) => e.id)).toEqual(['repeat0001_20260304T170000Z', 'repeat0001_20260305T170000Z', 'repeat0001_20260310T110000Z']);
  });

  it('an all-day series has date instances and ids <id>_<YYYYMMDD>', async () => {
    await cal.events.insert({ calendarId: 'primary', requestBody: { id: 'fulldate01', start: { date: '2026-03-30' }, end: { date: '2026-03-31' }, recurrence: ['RRULE:FREQ=WEEKLY;COUNT=2'] } });
    const { data } = await cal.events.instances({ calendarId: 'primary', eventId: 'fulldate01' });
    expect(data.items!.map((e) => [e.id, e.start!.date, e.end!.date])).toEqual([['fulldate01_20260330', '2026-03-30', '2026-03-31'], ['fulldate01_20260406', '2026-04-06', '2026-04-07']]);
  });

  it('refuses a malformed recurrence (400 invalid): unknown FREQ, DTSTART line, no FREQ, bad UNTIL, unknown TZID', async () => {
    for (const recurrence of [['RRULE:FREQ=SOMETIMES'], ['DTSTART:20260316T080000Z'], ['RRULE:COUNT=3'], ['RRULE:FREQ=DAILY;UNTIL=soon'], ['RRULE:FREQ=DAILY', 'EXDATE;TZID=Mars/Base:20260317T090000']]) {
      const f = await failure(weekly({ id: undefined, recurrence }));
      expect(f.status).toBe(400);
      expect(googleReason(f).reason).toBe('invalid');
    }
  });
});

describe('exceptions', () => {
  it('one cancelled instance disappears from the singleEvents expansion and stays readable as cancelled', async () => {
    await weekly();
    await cal.events.delete({ calendarId: 'primary', eventId: 'series0001_20260323T080000Z' });
    expect((await singles()).map((e) => e.id)).toEqual(['series0001_20260316T080000Z', 'series0001_20260330T070000Z', 'series0001_20260406T070000Z']);
    const got = (await cal.events.get({ calendarId: 'primary', eventId: 'series0001_20260323T080000Z' })).data;
    expect(got).toMatchObject({ status: 'cancelled', recurringEventId: 'series0001', originalStartTime: { dateTime: '2026-03-23T09:00:00+01:00' } });
    // Without singleEvents, a cancelled instance is listed even without showDeleted (events.list reference).
    const { items } = await listAll(cal, window);
    expect(items.map((e) => [e.id, e.status])).toEqual([['series0001', 'confirmed'], ['series0001_20260323T080000Z', 'cancelled']]);
  });

  it('a changed instance becomes an exception; the series keeps the other instances', async () => {
    const master = (await weekly()).data;
    const moved = (await cal.events.patch({ calendarId: 'primary', eventId: 'series0001_20260330T070000Z', requestBody: { summary: 'Round (late)', start: paris('2026-03-30T14:00:00'), end: paris('2026-03-30T15:00:00') } })).data;
    expect(moved).toMatchObject({ id: 'series0001_20260330T070000Z', recurringEventId: 'series0001', originalStartTime: { dateTime: '2026-03-30T09:00:00+02:00' }, sequence: master.sequence! + 1 });
    expect(moved.etag).not.toBe(master.etag);
    await cal.events.patch({ calendarId: 'primary', eventId: 'series0001', requestBody: { summary: 'Round v2' } });
    const items = await singles({ orderBy: 'startTime' });
    expect(items.map((e) => [e.summary, e.start!.dateTime])).toEqual([
      ['Round v2', '2026-03-16T09:00:00+01:00'], ['Round v2', '2026-03-23T09:00:00+01:00'], ['Round (late)', '2026-03-30T14:00:00+02:00'], ['Round v2', '2026-04-06T09:00:00+02:00'],
    ]);
  });

  it('incremental sync lists the changed exception, or the master when the series changes', async () => {
    await weekly();
    const { syncToken } = await listAll(cal, {});
    await cal.events.delete({ calendarId: 'primary', eventId: 'series0001_20260316T080000Z' });
    const first = await listAll(cal, { syncToken });
    expect(first.items).toEqual([expect.objectContaining({ id: 'series0001_20260316T080000Z', status: 'cancelled', recurringEventId: 'series0001', originalStartTime: expect.objectContaining({ dateTime: '2026-03-16T09:00:00+01:00' }) })]);
    await cal.events.patch({ calendarId: 'primary', eventId: 'series0001', requestBody: { location: 'Depot' } });
    const second = await listAll(cal, { syncToken: first.syncToken });
    expect(second.items.map((e) => [e.id, e.location])).toEqual([['series0001', 'Depot']]);
  });

  it('deleting the series hides every instance, exceptions included', async () => {
    await weekly();
    await cal.events.patch({ calendarId: 'primary', eventId: 'series0001_20260323T080000Z', requestBody: { summary: 'kept?' } });
    await cal.events.delete({ calendarId: 'primary', eventId: 'series0001' });
    expect(await singles()).toEqual([]);
    expect((await failure(cal.events.instances({ calendarId: 'primary', eventId: 'series0001' }))).status).toBe(410);
  });

  it('an instance id the series does not have is 404', async () => {
    await weekly();
    expect((await failure(cal.events.get({ calendarId: 'primary', eventId: 'series0001_20260317T080000Z' }))).status).toBe(404);
    expect((await failure(cal.events.delete({ calendarId: 'primary', eventId: 'series0001_20260413T070000Z' }))).status).toBe(404);
  });
});
