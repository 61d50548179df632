// getSchedule behind MicrosoftCalendarProvider.busyBlocks (graph/api/calendar-getschedule).
// Graph answers the free/busy of a mailbox's *default* calendar only ("events in Alex'
// default calendar", graph/outlook-get-free-busy-schedule): other calendars of the account
// cannot be read this way, so they are left out of the answer (README: Availability).
// Recurring series come expanded and cancelled occurrences are gone; `showAs: free` and
// `workingElsewhere` items do not block time. Items of one's own schedule carry a subject:
// it is dropped here, only times leave this file.
import type { ScheduleInformation, ScheduleItem } from '@microsoft/microsoft-graph-types';
import type { BusyRequest, CalendarBusy, TimeBlock } from '../calendar-provider';
import { ProviderError } from '../provider-error';
import { IMMUTABLE_IDS, NO_RETRY, type MicrosoftGraph } from './microsoft-graph';
import { instantOfGraphDateTime } from './microsoft-time-zone';

/** Statuses that block time; `free` and `workingElsewhere` do not (scheduleItem resource). */
const BUSY_STATUSES = new Set(['busy', 'tentative', 'oof']);
const utc = (instant: Date) => ({ dateTime: instant.toISOString().slice(0, 19), timeZone: 'UTC' });

export async function microsoftBusyBlocks(graph: MicrosoftGraph, accessToken: string, base: string, request: BusyRequest): Promise<CalendarBusy[]> {
  const defaultCalendar = request.calendars.find((calendar) => calendar.primary);
  if (!defaultCalendar) return [];
  const answer = (await graph
    .client(accessToken)
    .api(`${base}/calendar/getSchedule`)
    .header('Prefer', [IMMUTABLE_IDS, 'outlook.timezone="UTC"'].join(', '))
    .middlewareOptions(NO_RETRY)
    .post({ schedules: [request.accountEmail], startTime: utc(request.from), endTime: utc(request.to), availabilityViewInterval: 60 })) as {
    value: ScheduleInformation[];
  };
  const schedule = answer.value.find((entry) => entry.scheduleId?.toLowerCase() === request.accountEmail.toLowerCase()) ?? answer.value[0];
  // An unresolvable address is an item with `error` inside a 200: not a transient failure.
  if (!schedule || schedule.error) throw new ProviderError('PERMANENT', `Microsoft: getSchedule ${schedule?.error?.responseCode ?? 'without an answer'}`);
  return [{ calendarId: defaultCalendar.id, blocks: (schedule.scheduleItems ?? []).flatMap(toBlock) }];
}

function toBlock(item: ScheduleItem): TimeBlock[] {
  if (!BUSY_STATUSES.has(item.status ?? '') || !item.start || !item.end) return [];
  const start = instantOfGraphDateTime(item.start);
  const end = instantOfGraphDateTime(item.end);
  return end > start ? [{ start, end }] : [];
}
