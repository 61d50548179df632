// Calendar object resources through tsdav (RFC 4791 §5.3.2, RFC 4918 §9.6-9.7): create with
// If-None-Match: *, replace and delete with If-Match on the ETag (412 when stale), GET, and
// the preconditions on what is PUT, each named in a 403 body.
import { describe, expect, it } from 'vitest';
import { useEmulator } from '../helpers/emulator.js';
import { calendarNamed, dav, login, parisEvent } from './support.js';

const emu = useEmulator();

async function interventions() {
  const client = await login(emu.get());
  return { client, calendar: await calendarNamed(client, 'Interventions') };
}

describe('CalDAV objects', () => {
  it('creates with If-None-Match: *, and a second create of the same name is 412', async () => {
    const { client, calendar } = await interventions();
    const created = await client.createCalendarObject({ calendar, filename: 'job-1.ics', iCalString: parisEvent('job-1') });
    expect([created.status, created.headers.get('etag')]).toEqual([201, expect.stringMatching(/^"\d+-[0-9a-f]+"$/)]);
    const again = await client.createCalendarObject({ calendar, filename: 'job-1.ics', iCalString: parisEvent('job-1', '20261202') });
    expect(again.status).toBe(412);
    const got = await fetch(`${calendar.url}job-1.ics`, { headers: client.authHeaders });
    expect([got.status, got.headers.get('etag'), await got.text()]).toEqual([200, created.headers.get('etag'), parisEvent('job-1')]);
  });

  it('replaces with If-Match on the current ETag (new ETag), and refuses a stale one with 412', async () => {
    const { client, calendar } = await interventions();
    const created = await client.createCalendarObject({ calendar, filename: 'job-1.ics', iCalString: parisEvent('job-1') });
    const object = { url: `${calendar.url}job-1.ics`, data: parisEvent('job-1', '20261201', 'Boiler repair'), etag: created.headers.get('etag')! };
    const updated = await client.updateCalendarObject({ calendarObject: object });
    expect(updated.status).toBe(204);
    expect(updated.headers.get('etag')).not.toBe(object.etag);
    expect((await client.updateCalendarObject({ calendarObject: object })).status).toBe(412);
  });

  it('deletes with If-Match: 412 when stale, 204 when current, then 404', async () => {
    const { client, calendar } = await interventions();
    const created = await client.createCalendarObject({ calendar, filename: 'job-1.ics', iCalString: parisEvent('job-1') });
    const url = `${calendar.url}job-1.ics`;
    expect((await client.deleteCalendarObject({ calendarObject: { url, etag: '"stale"' } })).status).toBe(412);
    expect((await client.deleteCalendarObject({ calendarObject: { url, etag: created.headers.get('etag')! } })).status).toBe(204);
    expect((await fetch(url, { headers: client.authHeaders })).status).toBe(404);
    expect((await client.createCalendarObject({ calendar, filename: 'job-1.ics', iCalString: parisEvent('job-1') })).status).toBe(201);
  });

  it('403 need-privileges on the read-only calendar, and nothing is stored', async () => {
    const client = await login(emu.get());
    const holidays = await calendarNamed(client, 'Holidays');
    const refused = await client.createCalendarObject({ calendar: holidays, filename: 'x.ics', iCalString: parisEvent('x') });
    expect([refused.status, await refused.text()]).toEqual([403, expect.stringContaining('need-privileges')]);
    expect((await emu.get().control.state()).events).toEqual([]);
  });

  it.each([
    ['text that is not iCalendar', 'hello', 'valid-calendar-data'],
    ['a VTODO (the calendars hold VEVENT only)', 'BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VTODO\r\nUID:t\r\nEND:VTODO\r\nEND:VCALENDAR\r\n', 'supported-calendar-component'],
    ['a VEVENT without UID', parisEvent('x').replace('UID:x\r\n', ''), 'valid-calendar-object-resource'],
  ])('403 naming the precondition for %s', async (_name, body, condition) => {
    const { client, calendar } = await interventions();
    const refused = await client.createCalendarObject({ calendar, filename: 'bad.ics', iCalString: body });
    expect([refused.status, await refused.text()]).toEqual([403, expect.stringContaining(`<C:${condition}/>`)]);
  });

  it('403 no-uid-conflict naming the resource that holds the UID already', async () => {
    const { client, calendar } = await interventions();
    await client.createCalendarObject({ calendar, filename: 'first.ics', iCalString: parisEvent('same-uid') });
    const refused = await client.createCalendarObject({ calendar, filename: 'second.ics', iCalString: parisEvent('same-uid') });
    expect([refused.status, await refused.text()]).toEqual([403, expect.stringMatching(/no-uid-conflict><D:href>\/caldav\/calendars\/alice@example\.com\/[^<]+\/first\.ics</)]);
  });

  it('409 for a PUT into a calendar that does not exist', async () => {
    const answer = await dav(`${emu.get().url}/caldav/calendars/alice@example.com/nope/x.ics`, { method: 'PUT', body: parisEvent('x'), headers: { 'Content-Type': 'text/calendar' } });
    expect(answer.status).toBe(409);
  });

  it('stores the object where the control state and the viewer see it, with its instants', async () => {
    const { client, calendar } = await interventions();
    await client.createCalendarObject({ calendar, filename: 'job-1.ics', iCalString: parisEvent('job-1') });
    const [event] = (await emu.get().control.state()).events;
    expect(event).toMatchObject({ provider: 'caldav', id: 'job-1.ics', deleted: false, body: { uid: 'job-1', summary: 'Boiler service', start: '2026-12-01T08:00:00.000Z', end: '2026-12-01T09:00:00.000Z' } });
  });
});
