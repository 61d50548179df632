// Wall-clock time in an intervention's own IANA time zone, for the forms and the lists:
// the <input type="datetime-local"> format (`YYYY-MM-DDTHH:mm`) to an ISO instant with
// offset and back, and times and days formatted for display. The zone arithmetic (offsets,
// DST gap and overlap) is the shared helper of @fs/contracts; only formats live here.
import { instantOfWallTime, wallTimeAt, zonedIso } from '@fs/contracts';

const LOCAL_PATTERN = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/;

/**
 * `2026-12-01T09:00` typed for Europe/Paris -> `2026-12-01T09:00:00+01:00`.
 * A time skipped by a daylight-saving jump resolves to the instant just after the jump; a
 * time that happens twice (the night clocks go back) to the first, as iCalendar reads it.
 * Returns null when the input is not a complete local date-time.
 */
export function zonedLocalToIso(local: string, timeZone: string): string | null {
  const instant = LOCAL_PATTERN.test(local) ? instantOfWallTime(local, timeZone) : null;
  return instant && zonedIso(instant, timeZone);
}

/** ISO instant -> `YYYY-MM-DDTHH:mm` on the wall clock of `timeZone`, for <input type="datetime-local">. */
export function isoToZonedLocal(iso: string, timeZone: string): string {
  return wallTimeAt(Date.parse(iso), timeZone).wall.slice(0, 16);
}

/** The calendar day (`YYYY-MM-DD`) an instant falls on in `timeZone`. */
export function dayKey(iso: string, timeZone: string): string {
  return isoToZonedLocal(iso, timeZone).slice(0, 10);
}

/** `lundi 30 novembre 2026` / `Monday 30 November 2026` for a day key. */
export function formatDay(key: string, locale: string): string {
  return new Intl.DateTimeFormat(locale, { timeZone: 'UTC', dateStyle: 'full' }).format(new Date(`${key}T12:00:00Z`));
}

/** Start and end times on the intervention's own clock; the date is added to an end on a later day. */
export function formatTimeRange(startsAt: string, endsAt: string, timeZone: string, locale: string): { start: string; end: string } {
  const time = new Intl.DateTimeFormat(locale, { timeZone, hour: '2-digit', minute: '2-digit' });
  const dateTime = new Intl.DateTimeFormat(locale, { timeZone, day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' });
  const sameDay = dayKey(startsAt, timeZone) === dayKey(endsAt, timeZone);
  return {
    start: time.format(Date.parse(startsAt)),
    end: (sameDay ? time : dateTime).format(Date.parse(endsAt)),
  };
}

export interface DayGroup<T> {
  day: string;
  items: T[];
}

/** Sorted by start, grouped by the day each one starts on in its own time zone. */
export function groupByDay<T extends { startsAt: string; timeZone: string }>(items: readonly T[]): DayGroup<T>[] {
  const sorted = [...items].sort((a, b) => Date.parse(a.startsAt) - Date.parse(b.startsAt));
  const groups: DayGroup<T>[] = [];
  for (const item of sorted) {
    const day = dayKey(item.startsAt, item.timeZone);
    const last = groups[groups.length - 1];
    if (last && last.day === day) last.items.push(item);
    else groups.push({ day, items: [item] });
  }
  return groups;
}
