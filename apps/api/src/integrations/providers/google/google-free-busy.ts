// freebusy.query behind GoogleCalendarProvider.busyBlocks (calendar/api/v3/reference/freebusy/query):
// Google answers merged busy blocks per calendar, recurring events expanded, cancelled and
// `transparency: transparent` events left out, and never a title: exactly what dispatch may see.
import type { calendar_v3 } from '@googleapis/calendar';
import type { BusyRequest, CalendarBusy, TimeBlock } from '../calendar-provider';
import { ProviderError } from '../provider-error';

const S = 'https://www.googleapis.com/auth/';
/** The scopes freebusy.query accepts; we ask for the narrowest, calendar.freebusy. */
export const GOOGLE_FREE_BUSY_SCOPE = `${S}calendar.freebusy`;
const FREE_BUSY_SCOPES = new Set([`${S}calendar`, `${S}calendar.readonly`, `${S}calendar.events.freebusy`, GOOGLE_FREE_BUSY_SCOPE]);

/**
 * A grant made before availability existed (or with the scope unticked) lacks a free/busy
 * scope. Google would answer 403 insufficientPermissions, which means "reconnect" for the
 * whole integration (and would stop its sync): ask for nothing and say ACCESS_DENIED, which
 * only concerns availability.
 */
export function assertFreeBusyScope(scopes: string[]): void {
  if (!scopes.some((scope) => FREE_BUSY_SCOPES.has(scope))) {
    throw new ProviderError('ACCESS_DENIED', 'Google: free/busy scope not granted; reconnect to share availability');
  }
}

export async function googleBusyBlocks(freebusy: calendar_v3.Resource$Freebusy, request: BusyRequest): Promise<CalendarBusy[]> {
  if (request.calendars.length === 0) return [];
  const { data } = await freebusy.query({
    requestBody: {
      timeMin: request.from.toISOString(),
      timeMax: request.to.toISOString(),
      timeZone: 'UTC',
      items: request.calendars.map((calendar) => ({ id: calendar.id })),
    },
  });
  const answered = data.calendars ?? {};
  return request.calendars.flatMap((calendar) => {
    const entry = answered[calendar.id];
    // A calendar Google cannot see (deleted, unshared) answers errors: nothing to count.
    if (!entry || (entry.errors?.length ?? 0) > 0) return [];
    return [{ calendarId: calendar.id, blocks: (entry.busy ?? []).flatMap(toBlock) }];
  });
}

function toBlock(period: calendar_v3.Schema$TimePeriod): TimeBlock[] {
  const start = Date.parse(period.start ?? '');
  const end = Date.parse(period.end ?? '');
  return Number.isFinite(start) && Number.isFinite(end) && end > start ? [{ start: new Date(start), end: new Date(end) }] : [];
}
