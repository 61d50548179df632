// The CalDAV adapter's side of the provider contract against the calendar emulator's CalDAV
// server (packages/calendar-emulator/src/caldav/), the same suite as against Radicale
// (caldav-harness.ts), so the offline demo cannot drift from a real server. What the server
// holds is read from the emulator's control state and parsed with ical.js; faults go through
// its control API (route faults, per-user quota, a changed app password).
import { startEmulator, type EmulatorHandle } from '@fs/calendar-emulator';
import ICAL from 'ical.js';
import { afterAll, beforeAll, beforeEach } from 'vitest';
import type { CalendarProvider, ProviderTokens } from '../../src/integrations/providers/calendar-provider';
import { CalDavCalendarProvider } from '../../src/integrations/providers/caldav/caldav-calendar.provider';
import type { ContractContext, ContractHarness, ShownEvent } from './provider-contract';

export const emulatedCaldavHarness: ContractHarness = { name: 'CalDAV (emulator)', parisZone: 'Europe/Paris', readOnlyCode: 'ACCESS_DENIED', hasPrimary: false, readsBusyTimes: false, listsChanges: false };

export const EMULATOR_CALDAV_USER = { username: 'alice@example.com', password: 'caldav-demo-password' };

/** An object the emulator stores (its body keeps the iCalendar text as PUT), as a calendar app shows it. */
function shown(emu: EmulatorHandle, event: { calendarId: string; id: string; body: Record<string, unknown> }): ShownEvent {
  const root = new ICAL.Component(ICAL.parse(String(event.body.ics)));
  for (const zone of root.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(zone);
  const vevent = new ICAL.Event(root.getFirstSubcomponent('vevent')!);
  const calendarUrl = `${emu.url}/caldav/calendars/${EMULATOR_CALDAV_USER.username}/${event.calendarId}/`;
  return {
    id: `${calendarUrl}${event.id}`,
    calendarId: calendarUrl,
    title: vevent.summary,
    location: vevent.location || undefined,
    startMs: vevent.startDate.toJSDate().getTime(),
    endMs: vevent.endDate.toJSDate().getTime(),
    timeZone: vevent.startDate.zone?.tzid,
  };
}

/** Starts the emulator for the file, resets it and connects alice before each test; the CalDAV ContractContext. */
export function useEmulatedCalDavProvider(): ContractContext & { emu: () => EmulatorHandle } {
  let emu: EmulatorHandle;
  let provider: CalDavCalendarProvider;
  let tokens: ProviderTokens;
  let calendarId: string;
  beforeAll(async () => {
    emu = await startEmulator({ port: 0, httpsPort: 0, quiet: true });
    provider = new CalDavCalendarProvider({ allowHttp: true, timeoutMs: 5000 });
  });
  afterAll(() => emu?.close());
  beforeEach(async () => {
    await emu.control.reset();
    ({ tokens } = await provider.connect({ serverUrl: emu.url, ...EMULATOR_CALDAV_USER }));
    calendarId = (await provider.listCalendars({ tokens })).find((c) => c.name === 'Interventions')!.id;
  });
  return {
    emu: () => emu,
    provider: (): CalendarProvider => provider,
    context: () => ({ tokens }),
    calendarId: () => calendarId,
    liveEvents: async () => {
      const state = await emu.control.state();
      return state.events.filter((e) => e.provider === 'caldav' && !e.deleted).map((e) => shown(emu, e));
    },
    faults: {
      throttle: () => emu.control.quota({ provider: 'caldav', email: EMULATOR_CALDAV_USER.username, perSecond: 1 }),
      failNextCreate: () => emu.control.addFault({ provider: 'caldav', route: 'caldav.put', status: 503, times: 1 }),
      async refuseAccess() {
        // The app-specific password was revoked at the server.
        await emu.control.call('POST', 'caldav/app-password', { email: EMULATOR_CALDAV_USER.username, password: 'a-new-password' });
        return async () => []; // CalDAV has no token endpoint: nothing can be refreshed
      },
    },
  };
}
