// Wall-clock time in an intervention's own IANA time zone: converting what a person types
// (a local date-time in that zone) to an ISO instant with offset, and back, and formatting
// times and days for display. Pure; relies only on Intl, so it behaves the same in tests.

const partsFormatters = new Map<string, Intl.DateTimeFormat>();

function partsFormatter(timeZone: string): Intl.DateTimeFormat {
  let formatter = partsFormatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    partsFormatters.set(timeZone, formatter);
  }
  return formatter;
}

interface WallClock {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

function wallClock(instantMs: number, timeZone: string): WallClock {
  const parts = Object.fromEntries(partsFormatter(timeZone).formatToParts(instantMs).map((p) => [p.type, p.value]));
  return {
    year: Number(parts.year),
    month: Number(parts.month),
    day: Number(parts.day),
    hour: Number(parts.hour),
    minute: Number(parts.minute),
    second: Number(parts.second),
  };
}

const pad = (n: number, width = 2) => String(Math.abs(n)).padStart(width, '0');

/** Minutes to add to UTC to get the wall clock of `timeZone` at that instant (Paris in winter: 60). */
export function offsetMinutes(instantMs: number, timeZone: string): number {
  const w = wallClock(instantMs, timeZone);
  const asUtc = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second);
  return Math.round((asUtc - Math.floor(instantMs / 1000) * 1000) / 60000);
}

function formatOffset(minutes: number): string {
  const sign = minutes < 0 ? '-' : '+';
  return `${sign}${pad(Math.trunc(Math.abs(minutes) / 60))}:${pad(Math.abs(minutes) % 60)}`;
}

const LOCAL_PATTERN = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/;

/**
 * `2026-12-01T09:00` typed for Europe/Paris -> `2026-12-01T09:00:00+01:00`.
 * A time skipped by a daylight-saving jump resolves to the instant just after the jump.
 * Returns null when the input is not a complete local date-time.
 */
export function zonedLocalToIso(local: string, timeZone: string): string | null {
  const match = LOCAL_PATTERN.exec(local);
  if (!match) return null;
  const [year, month, day, hour, minute] = match.slice(1).map(Number);
  const naiveUtc = Date.UTC(year, month - 1, day, hour, minute);
  if (Number.isNaN(naiveUtc)) return null;
  // The offset depends on the instant we are looking for: guess, then correct once.
  let instant = naiveUtc - offsetMinutes(naiveUtc, timeZone) * 60000;
  instant = naiveUtc - offsetMinutes(instant, timeZone) * 60000;
  const offset = offsetMinutes(instant, timeZone);
  const w = wallClock(instant, timeZone);
  return `${pad(w.year, 4)}-${pad(w.month)}-${pad(w.day)}T${pad(w.hour)}:${pad(w.minute)}:00${formatOffset(offset)}`;
}

/** ISO instant -> `YYYY-MM-DDTHH:mm` on the wall clock of `timeZone`, for <input type="datetime-local">. */
export function isoToZonedLocal(iso: string, timeZone: string): string {
  const w = wallClock(Date.parse(iso), timeZone);
  return `${pad(w.year, 4)}-${pad(w.month)}-${pad(w.day)}T${pad(w.hour)}:${pad(w.minute)}`;
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
