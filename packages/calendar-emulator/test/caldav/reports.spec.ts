// REPORTs through tsdav: calendar-query with a time range (RFC 4791 §7.8, §9.9, zones from
// the object's VTIMEZONE), calendar-multiget (§7.9) and sync-collection (RFC 6578), plus the
// ctag moving with each write.
import { describe, expect, it } from 'vitest';
import { syncCollection } from 'tsdav';
import { useEmulator } from '../helpers/emulator.js';
import { calendarNamed, dav, login, parisEvent } from './support.js';

const emu = useEmulator();

async function withEvents(...days: string[]) {
  const client = await login(emu.get());
  const calendar = await calendarNamed(client, 'Interventions');
  for (const day of days) await client.createCalendarObject({ calendar, filename: `${day}.ics`, iCalString: parisEvent(`uid-${day}`, day) });
  return { client, calendar };
}

/** The text as PUT, CRLF kept; tsdav trims the final line break of every XML text. */
const asReturned = (ics: string) => ics.trimEnd();
const names = (objects: { url: string }[]) => objects.map((o) => o.url.split('/').pop()).sort();

describe('CalDAV reports', () => {
  it('calendar-query with a time range returns the events overlapping it, by their zone', async () => {
    const { client, calendar } = await withEvents('20261201', '20261202', '20261210');
    const inRange = await client.fetchCalendarObjects({ calendar, timeRange: { start: '2026-12-01T00:00:00Z', end: '2026-12-03T00:00:00Z' } });
    expect(names(inRange)).toEqual(['20261201.ics', '20261202.ics']);
    expect(inRange.find((o) => o.url.endsWith('20261201.ics'))!.data).toBe(asReturned(parisEvent('uid-20261201', '20261201')));
    // 09:00-10:00 Paris is 08:00-09:00 UTC: a range ending at 08:00 UTC misses it, one ending 08:01 catches it.
    const before = await client.fetchCalendarObjects({ calendar, timeRange: { start: '2026-12-01T00:00:00Z', end: '2026-12-01T08:00:00Z' } });
    const touching = await client.fetchCalendarObjects({ calendar, timeRange: { start: '2026-12-01T00:00:00Z', end: '2026-12-01T08:01:00Z' } });
    expect([names(before), names(touching)]).toEqual([[], ['20261201.ics']]);
  });

  it('calendar-query without a range lists every event; a VTODO filter matches none', async () => {
    const { client, calendar } = await withEvents('20261201', '20261210');
    expect(names(await client.fetchCalendarObjects({ calendar }))).toEqual(['20261201.ics', '20261210.ics']);
    const todos = await dav(calendar.url, {
      method: 'REPORT',
      headers: { Depth: '1' },
      body: '<C:calendar-query xmlns:D="DAV:" xmlns:C="urn:ietf:params:xml:ns:caldav"><D:prop><D:getetag/></D:prop><C:filter><C:comp-filter name="VCALENDAR"><C:comp-filter name="VTODO"/></C:comp-filter></C:filter></C:calendar-query>',
    });
    expect([todos.status, await todos.text()]).toEqual([207, expect.not.stringContaining('<D:response>')]);
  });

  it('calendar-multiget returns the asked objects and 404 for a missing one', async () => {
    const { client, calendar } = await withEvents('20261201', '20261202');
    const url = new URL(calendar.url).pathname;
    const answer = await client.calendarMultiGet({ url: calendar.url, props: { 'd:getetag': {}, 'c:calendar-data': {} }, objectUrls: [`${url}20261202.ics`], depth: '1' });
    expect(answer.map((r) => [r.href, r.ok])).toEqual([[`${url}20261202.ics`, true]]);
    expect(answer[0]!.props?.calendarData).toBe(asReturned(parisEvent('uid-20261202', '20261202')));
    // tsdav throws on any 404 member; the raw answer shows it.
    const raw = await dav(calendar.url, {
      method: 'REPORT',
      body: `<C:calendar-multiget xmlns:D="DAV:" xmlns:C="urn:ietf:params:xml:ns:caldav"><D:prop><D:getetag/></D:prop><D:href>${url}20261201.ics</D:href><D:href>${url}missing.ics</D:href></C:calendar-multiget>`,
    });
    expect(await raw.text()).toMatch(/20261201\.ics<\/D:href><D:propstat>.*<D:href>[^<]*missing\.ics<\/D:href><D:status>HTTP\/1\.1 404 Not Found/);
  });

  it('sync-collection: everything first, then only what changed since the token, removals as 404', async () => {
    const { client, calendar } = await withEvents('20261201', '20261202', '20261203');
    const sync = (token: string) => syncCollection({ url: calendar.url, props: { 'd:getetag': {} }, syncLevel: 1, syncToken: token, headers: client.authHeaders });
    const first = await sync('');
    expect(first.map((r) => r.href!.split('/').pop()).sort()).toEqual(['20261201.ics', '20261202.ics', '20261203.ics']);
    const token = String((first[0]!.raw as { multistatus: { syncToken: string } }).multistatus.syncToken);
    const url = `${calendar.url}20261202.ics`;
    const etag = (await fetch(url, { headers: client.authHeaders })).headers.get('etag')!;
    await client.updateCalendarObject({ calendarObject: { url, etag, data: parisEvent('uid-20261202', '20261202', 'Moved') } });
    const gone = `${calendar.url}20261203.ics`;
    await client.deleteCalendarObject({ calendarObject: { url: gone, etag: (await fetch(gone, { headers: client.authHeaders })).headers.get('etag')! } });
    const next = await sync(token);
    expect(next.map((r) => [r.href!.split('/').pop(), r.ok ? 'changed' : r.status]).sort()).toEqual([['20261202.ics', 'changed'], ['20261203.ics', 404]]);
  });

  it('sync-collection refuses a token it never issued with 403 valid-sync-token', async () => {
    const { calendar } = await withEvents('20261201');
    const answer = await dav(calendar.url, {
      method: 'REPORT',
      body: '<D:sync-collection xmlns:D="DAV:"><D:sync-token>http://calendar-emulator.invalid/sync/999</D:sync-token><D:sync-level>1</D:sync-level><D:prop><D:getetag/></D:prop></D:sync-collection>',
    });
    expect([answer.status, await answer.text()]).toEqual([403, expect.stringContaining('valid-sync-token')]);
  });

  it('the ctag and sync token move with every write, so a client knows to look again', async () => {
    const { client } = await withEvents();
    const before = await calendarNamed(client, 'Interventions');
    await client.createCalendarObject({ calendar: before, filename: 'x.ics', iCalString: parisEvent('x') });
    const after = await calendarNamed(client, 'Interventions');
    expect(after.ctag).not.toBe(before.ctag);
    expect(after.syncToken).not.toBe(before.syncToken);
    expect((await client.isCollectionDirty({ collection: before })).isDirty).toBe(true);
  });
});
