// Calendar v3 event writes through googleapis (provider-apis.md A2.2, A2.3, A3).
import { beforeEach, describe, expect, it } from 'vitest';
import { useEmulator } from '../helpers/emulator.js';
import { calendarApi, connectGoogle } from '../helpers/google.js';
import { failure, googleReason } from '../helpers/errors.js';

const emu = useEmulator();
let cal: ReturnType<typeof calendarApi>;

const slot = (h = 9) => ({
  start: { dateTime: `2026-12-01T${String(h).padStart(2, '0')}:00:00+01:00` },
  end: { dateTime: `2026-12-01T${String(h + 1).padStart(2, '0')}:00:00+01:00` },
});

beforeEach(async () => {
  const { client } = await connectGoogle(emu.get());
  cal = calendarApi(emu.get(), client);
});

describe('events.insert', () => {
  it('returns 200 with the full event, a client-chosen base32hex id kept', async () => {
    const r = await cal.events.insert({ calendarId: 'primary', requestBody: { id: 'intervention0042', summary: 'Boiler', ...slot() } });
    expect(r.status).toBe(200);
    expect(r.data).toMatchObject({ kind: 'calendar#event', id: 'intervention0042', status: 'confirmed', summary: 'Boiler', sequence: 0, iCalUID: 'intervention0042@google.com' });
    expect(r.data.etag).toMatch(/^"\d+"$/);
    expect(r.data.start!.dateTime).toBe('2026-12-01T09:00:00+01:00');
  });

  it('generates a base32hex id when none is given', async () => {
    const r = await cal.events.insert({ calendarId: 'primary', requestBody: { summary: 'x', ...slot() } });
    expect(r.data.id).toMatch(/^[a-v0-9]{5,1024}$/);
  });

  for (const [why, id] of [['upper case / outside a-v', 'Intervention42'], ['too short', 'abcd'], ['outside base32hex (w-z)', 'wxyz12345'], ['too long', 'a'.repeat(1025)]]) {
    it(`rejects a client id ${why} with 400 "Invalid resource id value."`, async () => {
      const f = await failure(cal.events.insert({ calendarId: 'primary', requestBody: { id, ...slot() } }));
      expect(f.status).toBe(400);
      expect(googleReason(f)).toMatchObject({ domain: 'global', reason: 'invalid', message: 'Invalid resource id value.' });
    });
  }

  it('rejects a duplicate id with 409 duplicate', async () => {
    await cal.events.insert({ calendarId: 'primary', requestBody: { id: 'dup00001', ...slot() } });
    const f = await failure(cal.events.insert({ calendarId: 'primary', requestBody: { id: 'dup00001', ...slot() } }));
    expect(f.status).toBe(409);
    expect(f.data).toEqual({ error: { errors: [{ domain: 'global', reason: 'duplicate', message: 'The requested identifier already exists.' }], code: 409, message: 'The requested identifier already exists.' } });
  });

  it('never reuses an id after delete: re-insert is 409', async () => {
    await cal.events.insert({ calendarId: 'primary', requestBody: { id: 'gone00001', ...slot() } });
    await cal.events.delete({ calendarId: 'primary', eventId: 'gone00001' });
    const f = await failure(cal.events.insert({ calendarId: 'primary', requestBody: { id: 'gone00001', ...slot() } }));
    expect(f.status).toBe(409);
  });

  it('refuses writes to a read-only (reader) calendar with 403', async () => {
    const list = await cal.calendarList.list();
    const holidays = list.data.items!.find((c) => c.summary === 'Holidays')!;
    const f = await failure(cal.events.insert({ calendarId: holidays.id!, requestBody: slot() }));
    expect(f.status).toBe(403);
    expect(googleReason(f).reason).toBe('requiredAccessLevel');
  });

  it('answers 404 notFound for a calendar the user does not have', async () => {
    const f = await failure(cal.events.insert({ calendarId: 'bob@example.com', requestBody: slot() }));
    expect(f.status).toBe(404);
    expect(googleReason(f).reason).toBe('notFound');
  });
});

describe('time zones', () => {
  it('requires an offset or a timeZone on dateTime', async () => {
    const f = await failure(cal.events.insert({ calendarId: 'primary', requestBody: { start: { dateTime: '2026-12-01T09:00:00' }, end: { dateTime: '2026-12-01T10:00:00' } } }));
    expect(f.status).toBe(400);
    expect(googleReason(f).message).toBe('Missing time zone definition for start time.');
  });

  it('interprets a local dateTime in its timeZone and renders it in the calendar zone', async () => {
    const r = await cal.events.insert({
      calendarId: 'primary',
      requestBody: { start: { dateTime: '2026-07-01T09:00:00', timeZone: 'America/New_York' }, end: { dateTime: '2026-07-01T10:00:00', timeZone: 'America/New_York' } },
    });
    expect(r.data.start).toEqual({ dateTime: '2026-07-01T15:00:00+02:00', timeZone: 'America/New_York' });
  });

  it('rejects a timeZone that is not an IANA name', async () => {
    const f = await failure(cal.events.insert({ calendarId: 'primary', requestBody: { start: { dateTime: '2026-12-01T09:00:00', timeZone: 'Paris Time' }, end: { dateTime: '2026-12-01T10:00:00', timeZone: 'Paris Time' } } }));
    expect(f.status).toBe(400);
    expect(googleReason(f).message).toBe('Invalid time zone definition for start time.');
  });

  it('requires a start timeZone for recurring events', async () => {
    const f = await failure(cal.events.insert({ calendarId: 'primary', requestBody: { ...slot(), recurrence: ['RRULE:FREQ=WEEKLY;COUNT=3'] } }));
    expect(f.status).toBe(400);
  });

  it('rejects an end before the start with timeRangeEmpty', async () => {
    const f = await failure(cal.events.insert({ calendarId: 'primary', requestBody: { start: slot(10).start, end: slot(8).end } }));
    expect(googleReason(f)).toMatchObject({ domain: 'calendar', reason: 'timeRangeEmpty' });
  });

  it('rejects mixing date and dateTime', async () => {
    const f = await failure(cal.events.insert({ calendarId: 'primary', requestBody: { start: { date: '2026-12-01' }, end: slot().end } }));
    expect(f.status).toBe(400);
  });

  it('accepts all-day events with an exclusive end date', async () => {
    const r = await cal.events.insert({ calendarId: 'primary', requestBody: { start: { date: '2026-12-01' }, end: { date: '2026-12-02' } } });
    expect(r.data.start).toEqual({ date: '2026-12-01' });
  });
});

describe('events.get / patch / update / delete', () => {
  const insert = (extra: object = {}) =>
    cal.events.insert({ calendarId: 'primary', requestBody: { id: 'evt000001', summary: 'A', ...slot(), extendedProperties: { private: { interventionId: '42', source: 'fs' } }, attendees: [{ email: 'x@example.com' }, { email: 'y@example.com' }], ...extra } });

  it('get returns the event; If-None-Match with its etag gives 304', async () => {
    const { data } = await insert();
    expect((await cal.events.get({ calendarId: 'primary', eventId: 'evt000001' })).data.summary).toBe('A');
    const r = await cal.events.get({ calendarId: 'primary', eventId: 'evt000001' }, { headers: { 'If-None-Match': data.etag! } });
    expect(r.status).toBe(304);
  });

  it('get of an unknown event is 404', async () => {
    expect((await failure(cal.events.get({ calendarId: 'primary', eventId: 'nope00001' }))).status).toBe(404);
  });

  it('patch merges: omitted fields kept, arrays replaced, extendedProperties merged per key, null deletes a key', async () => {
    await insert();
    const r = await cal.events.patch({
      calendarId: 'primary',
      eventId: 'evt000001',
      requestBody: { attendees: [{ email: 'z@example.com' }], extendedProperties: { private: { source: null as unknown as string, status: 'done' } } },
    });
    expect(r.data.summary).toBe('A');
    expect(r.data.attendees).toEqual([{ email: 'z@example.com' }]);
    expect(r.data.extendedProperties!.private).toEqual({ interventionId: '42', status: 'done' });
  });

  it('update (PUT) replaces: omitted properties are dropped', async () => {
    await insert({ description: 'keep?' });
    const r = await cal.events.update({ calendarId: 'primary', eventId: 'evt000001', requestBody: { summary: 'B', ...slot(), extendedProperties: { private: { interventionId: '42' } } } });
    expect(r.data.summary).toBe('B');
    expect(r.data.description).toBeUndefined();
    expect(r.data.attendees).toBeUndefined();
    expect(r.data.extendedProperties!.private).toEqual({ interventionId: '42' });
  });

  it('every write changes the etag; a stale If-Match is 412 conditionNotMet', async () => {
    const first = (await insert()).data;
    const second = (await cal.events.patch({ calendarId: 'primary', eventId: 'evt000001', requestBody: { summary: 'B' } })).data;
    expect(second.etag).not.toBe(first.etag);
    const f = await failure(cal.events.patch({ calendarId: 'primary', eventId: 'evt000001', requestBody: { summary: 'C' } }, { headers: { 'If-Match': first.etag! } }));
    expect(f.status).toBe(412);
    expect(f.data).toEqual({ error: { errors: [{ domain: 'global', reason: 'conditionNotMet', message: 'Precondition Failed', locationType: 'header', location: 'If-Match' }], code: 412, message: 'Precondition Failed' } });
    const ok = await cal.events.patch({ calendarId: 'primary', eventId: 'evt000001', requestBody: { summary: 'C' } }, { headers: { 'If-Match': second.etag! } });
    expect(ok.data.summary).toBe('C');
  });

  it('If-Match applies to update and delete too', async () => {
    const first = (await insert()).data;
    await cal.events.patch({ calendarId: 'primary', eventId: 'evt000001', requestBody: { summary: 'B' } });
    expect((await failure(cal.events.update({ calendarId: 'primary', eventId: 'evt000001', requestBody: slot() }, { headers: { 'If-Match': first.etag! } }))).status).toBe(412);
    expect((await failure(cal.events.delete({ calendarId: 'primary', eventId: 'evt000001' }, { headers: { 'If-Match': first.etag! } }))).status).toBe(412);
  });

  it('sequence increases when the time changes, not on a summary change', async () => {
    await insert();
    const a = await cal.events.patch({ calendarId: 'primary', eventId: 'evt000001', requestBody: { summary: 'renamed' } });
    expect(a.data.sequence).toBe(0);
    const b = await cal.events.patch({ calendarId: 'primary', eventId: 'evt000001', requestBody: slot(14) });
    expect(b.data.sequence).toBe(1);
  });

  it('refuses a sequence below the current one', async () => {
    await insert();
    await cal.events.patch({ calendarId: 'primary', eventId: 'evt000001', requestBody: slot(14) });
    const f = await failure(cal.events.update({ calendarId: 'primary', eventId: 'evt000001', requestBody: { ...slot(15), sequence: 0 } }));
    expect(f.status).toBe(400);
  });

  it('delete answers 204; the event stays readable as a cancelled tombstone', async () => {
    await insert();
    const r = await cal.events.delete({ calendarId: 'primary', eventId: 'evt000001' });
    expect(r.status).toBe(204);
    const g = await cal.events.get({ calendarId: 'primary', eventId: 'evt000001' });
    expect(g.data.status).toBe('cancelled');
  });

  it('deleting an already deleted event is 410 deleted', async () => {
    await insert();
    await cal.events.delete({ calendarId: 'primary', eventId: 'evt000001' });
    const f = await failure(cal.events.delete({ calendarId: 'primary', eventId: 'evt000001' }));
    expect(f.status).toBe(410);
    expect(f.data.error).toEqual({ errors: [{ domain: 'global', reason: 'deleted', message: 'Resource has been deleted' }], code: 410, message: 'Resource has been deleted' });
  });

  it('deleting an unknown event is 404', async () => {
    expect((await failure(cal.events.delete({ calendarId: 'primary', eventId: 'nope00001' }))).status).toBe(404);
  });

  it('a tombstone is revived by patching status confirmed; other writes to it are 410', async () => {
    await insert();
    await cal.events.delete({ calendarId: 'primary', eventId: 'evt000001' });
    expect((await failure(cal.events.patch({ calendarId: 'primary', eventId: 'evt000001', requestBody: { summary: 'x' } }))).status).toBe(410);
    const r = await cal.events.patch({ calendarId: 'primary', eventId: 'evt000001', requestBody: { status: 'confirmed', summary: 'back' } });
    expect(r.data.status).toBe('confirmed');
  });
});
