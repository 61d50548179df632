// The CalDAV adapter's side of the provider contract, against a real Radicale
// (support/radicale.ts): alice's calendars are made afresh before each test, and what the
// server holds is read back with tsdav and ical.js as admin, never through the adapter.
import ICAL from 'ical.js';
import { fetchCalendarObjects, getBasicAuthHeaders, makeCalendar } from 'tsdav';
import { afterAll, beforeAll, beforeEach } from 'vitest';
import type { CalendarProvider, ProviderTokens } from '../../src/integrations/providers/calendar-provider';
import { CalDavCalendarProvider } from '../../src/integrations/providers/caldav/caldav-calendar.provider';
import type { ContractContext, ContractHarness, ShownEvent } from './provider-contract';
import { RADICALE_ADMIN, startRadicale, type RadicaleHandle } from './radicale';

export const CALDAV_USER = { username: 'alice', password: 'alice-app-password' };
/** Alice's calendars: two she may write, one she may only read (rights file). */
export const CALDAV_CALENDARS = { interventions: 'Interventions', personal: 'Personal', holidays: 'Holidays' } as const;

export const caldavHarness: ContractHarness = { name: 'CalDAV (Radicale)', parisZone: 'Europe/Paris', readOnlyCode: 'ACCESS_DENIED', hasPrimary: false, readsBusyTimes: false, listsChanges: false };

const admin = () => getBasicAuthHeaders(RADICALE_ADMIN);
export const calendarUrl = (server: RadicaleHandle, user: string, slug: string) => `${server.directUrl}/${user}/${slug}/`;

/** Deletes everything of `user` and makes their three calendars again. */
export async function resetCalendars(server: RadicaleHandle, user: string): Promise<void> {
  await fetch(`${server.directUrl}/${user}/`, { method: 'DELETE', headers: admin() });
  // The principal's own collection (Radicale makes it on a user's first request; admin must ask).
  await fetch(`${server.directUrl}/${user}/`, { method: 'MKCOL', headers: admin() });
  for (const [slug, name] of Object.entries(CALDAV_CALENDARS)) {
    const [answer] = await makeCalendar({ url: calendarUrl(server, user, slug), props: { displayname: name }, headers: admin() });
    if (answer && !answer.ok) throw new Error(`MKCALENDAR ${slug}: ${answer.status}`);
  }
}

/** Every event in `user`'s calendars, as a calendar app would show it. */
export async function shownEvents(server: RadicaleHandle, user: string): Promise<ShownEvent[]> {
  const shown: ShownEvent[] = [];
  for (const slug of Object.keys(CALDAV_CALENDARS)) {
    const url = calendarUrl(server, user, slug);
    for (const object of await fetchCalendarObjects({ calendar: { url }, headers: admin() })) {
      const root = new ICAL.Component(ICAL.parse(object.data as string));
      for (const zone of root.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(zone);
      const event = new ICAL.Event(root.getFirstSubcomponent('vevent')!);
      shown.push({
        id: object.url.replace(server.directUrl, server.url),
        calendarId: url.replace(server.directUrl, server.url),
        title: event.summary,
        location: event.location || undefined,
        startMs: event.startDate.toJSDate().getTime(),
        endMs: event.endDate.toJSDate().getTime(),
        timeZone: event.startDate.zone?.tzid,
      });
    }
  }
  return shown;
}

/** Starts Radicale for the file, resets alice's calendars before each test; the CalDAV ContractContext. */
export function useRadicaleProvider(): ContractContext & { server: () => RadicaleHandle } {
  let server: RadicaleHandle;
  let provider: CalDavCalendarProvider;
  let tokens: ProviderTokens;
  beforeAll(async () => {
    server = await startRadicale({ [CALDAV_USER.username]: CALDAV_USER.password });
    provider = new CalDavCalendarProvider({ allowHttp: true, timeoutMs: 5000 });
  });
  afterAll(() => server?.stop());
  beforeEach(async () => {
    server.clearFaults();
    server.setUsers({ [CALDAV_USER.username]: CALDAV_USER.password });
    await resetCalendars(server, CALDAV_USER.username);
    ({ tokens } = await provider.connect({ serverUrl: server.url, ...CALDAV_USER }));
  });
  return {
    server: () => server,
    provider: (): CalendarProvider => provider,
    context: () => ({ tokens }),
    calendarId: () => calendarUrl(server, CALDAV_USER.username, 'interventions').replace(server.directUrl, server.url),
    liveEvents: () => shownEvents(server, CALDAV_USER.username),
    faults: {
      throttle: async () => server.addFault({ status: 429, headers: { 'Retry-After': '1' }, times: 100 }),
      failNextCreate: async () => server.addFault({ method: 'PUT', status: 503, times: 1 }),
      async refuseAccess() {
        // The app-specific password was revoked at the server: Radicale reads htpasswd anew.
        server.setUsers({ [CALDAV_USER.username]: 'a-new-password' });
        return async () => []; // CalDAV has no token endpoint: nothing can be refreshed
      },
    },
  };
}
