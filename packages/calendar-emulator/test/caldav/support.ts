// CalDAV test helpers: a tsdav client logged in as an emulator account (the real client a
// CalDAV adapter uses), a raw WebDAV request for what tsdav hides (status lines, headers),
// and iCalendar fixtures.
import { DAVClient, getBasicAuthHeaders, type DAVCalendar } from 'tsdav';
import type { EmulatorHandle } from '../../src/index.js';
import { CALDAV_DEMO_PASSWORD } from '../../src/caldav/auth.js';

export const ALICE = { username: 'alice@example.com', password: CALDAV_DEMO_PASSWORD };

export async function login(emu: EmulatorHandle, credentials = ALICE, serverUrl = emu.url): Promise<DAVClient> {
  const client = new DAVClient({ serverUrl, credentials, authMethod: 'Basic', defaultAccountType: 'caldav' });
  await client.login();
  return client;
}

export async function calendarNamed(client: DAVClient, name: string): Promise<DAVCalendar> {
  const calendar = (await client.fetchCalendars()).find((c) => c.displayName === name);
  if (!calendar) throw new Error(`no calendar ${name}`);
  return calendar;
}

/** One request as any HTTP client would send it, authenticated as alice unless told. */
export function dav(url: string, init: { method: string; body?: string; headers?: Record<string, string>; credentials?: typeof ALICE }): Promise<Response> {
  const { credentials = ALICE, headers = {}, ...rest } = init;
  return fetch(url, { ...rest, redirect: 'manual', headers: { ...getBasicAuthHeaders(credentials), 'Content-Type': 'application/xml; charset=utf-8', ...headers } });
}

/** A VEVENT at 09:00-10:00 Paris time on `day` (YYYYMMDD), with its VTIMEZONE. */
export function parisEvent(uid: string, day = '20261201', summary = 'Boiler service'): string {
  return [
    'BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//emulator tests//EN',
    'BEGIN:VTIMEZONE', 'TZID:Europe/Paris',
    'BEGIN:DAYLIGHT', 'TZOFFSETFROM:+0100', 'TZOFFSETTO:+0200', 'TZNAME:CEST', 'DTSTART:19700329T020000', 'RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU', 'END:DAYLIGHT',
    'BEGIN:STANDARD', 'TZOFFSETFROM:+0200', 'TZOFFSETTO:+0100', 'TZNAME:CET', 'DTSTART:19701025T030000', 'RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU', 'END:STANDARD',
    'END:VTIMEZONE',
    'BEGIN:VEVENT', `UID:${uid}`, 'DTSTAMP:20261101T000000Z', `DTSTART;TZID=Europe/Paris:${day}T090000`, `DTEND;TZID=Europe/Paris:${day}T100000`, `SUMMARY:${summary}`, 'END:VEVENT',
    'END:VCALENDAR', '',
  ].join('\r\n');
}
