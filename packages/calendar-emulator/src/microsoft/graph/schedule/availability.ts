// Owns the free/busy arithmetic of getSchedule: an event's `showAs` as a schedule status, the
// merged `availabilityView` (one digit per interval from the start: 0 free, 1 tentative,
// 2 busy, 3 oof; workingElsewhere is reported as 0, not 4, "for backward compatibility"),
// and the scheduleItem of one event or occurrence. Pure.
// Sources: learn.microsoft.com/graph/api/resources/scheduleinformation (availabilityView),
// resources/scheduleitem, graph/outlook-get-free-busy-schedule.
import type { GraphEventRecord } from '../event-record.js';
import { formatGraphDateTime } from '../time-zones.js';

export type ScheduleStatus = 'free' | 'tentative' | 'busy' | 'oof' | 'workingElsewhere' | 'unknown';

const STATUSES: ScheduleStatus[] = ['free', 'tentative', 'busy', 'oof', 'workingElsewhere', 'unknown'];
const DIGIT: Record<ScheduleStatus, number> = { free: 0, tentative: 1, busy: 2, oof: 3, workingElsewhere: 0, unknown: 0 };

export const statusOf = (rec: Pick<GraphEventRecord, 'showAs'>): ScheduleStatus =>
  STATUSES.find((s) => s.toLowerCase() === rec.showAs.toLowerCase()) ?? 'busy';

/** One digit per `intervalMin` slot of [startMs, endMs): the strongest status overlapping it. */
export function availabilityView(items: GraphEventRecord[], startMs: number, endMs: number, intervalMin: number): string {
  const step = intervalMin * 60_000;
  let out = '';
  for (let t = startMs; t < endMs; t += step) {
    const slotEnd = Math.min(t + step, endMs);
    const digits = items.filter((r) => r.startMs < slotEnd && r.endMs > t).map((r) => DIGIT[statusOf(r)]);
    out += String(Math.max(0, ...digits));
  }
  return out;
}

/** `withDetails`: subject and location (the caller's own schedule); others see times and status only (U). */
export function scheduleItem(rec: GraphEventRecord, zone: string, withDetails: boolean): Record<string, unknown> {
  return {
    isPrivate: rec.sensitivity === 'private',
    status: statusOf(rec),
    ...(withDetails ? { subject: rec.subject, location: String(rec.location.displayName ?? '') } : {}),
    isMeeting: rec.attendees.length > 0,
    isRecurring: Boolean(rec.instance),
    isException: Boolean(rec.instance?.exception),
    isReminderSet: rec.isReminderOn,
    start: { dateTime: formatGraphDateTime(rec.startMs, zone), timeZone: zone },
    end: { dateTime: formatGraphDateTime(rec.endMs, zone), timeZone: zone },
  };
}
