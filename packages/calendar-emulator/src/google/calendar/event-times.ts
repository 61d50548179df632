// Owns validation and normalisation of an event's start/end (provider-apis.md A3): dateTime
// needs an offset or a timeZone, timeZone must be an IANA name, recurring events need a
// start timeZone, both sides are date or both dateTime, and end is not before start.
import { gerr } from '../errors.js';
import { dateToInstant, formatInZone, hasOffset, isDate, isRfc3339, isValidTimeZone, localToInstant } from './time.js';

export interface EventDateTime {
  date?: string;
  dateTime?: string;
  timeZone?: string;
}

export interface NormalizedTimes {
  start: EventDateTime;
  end: EventDateTime;
  startMs: number;
  endMs: number;
}

function side(v: unknown, which: 'start' | 'end', calendarTz: string): { out: EventDateTime; ms: number; allDay: boolean } {
  if (!v || typeof v !== 'object') throw gerr.required(`Missing ${which} time.`);
  const t = v as EventDateTime;
  if (t.timeZone !== undefined && (typeof t.timeZone !== 'string' || !isValidTimeZone(t.timeZone))) {
    throw gerr.invalid(`Invalid time zone definition for ${which} time.`);
  }
  const tz = t.timeZone ? { timeZone: t.timeZone } : {};
  if (t.date !== undefined && t.date !== null) {
    if (t.dateTime) throw gerr.invalid(`Invalid ${which} time.`);
    if (typeof t.date !== 'string' || !isDate(t.date)) throw gerr.invalid(`Invalid ${which} time.`);
    return { out: { date: t.date, ...tz }, ms: dateToInstant(t.date, t.timeZone ?? calendarTz), allDay: true };
  }
  if (typeof t.dateTime !== 'string') throw gerr.required(`Missing ${which} time.`);
  let ms: number;
  if (hasOffset(t.dateTime)) {
    if (!isRfc3339(t.dateTime)) throw gerr.invalid(`Invalid ${which} time.`);
    ms = Date.parse(t.dateTime);
  } else {
    if (!t.timeZone) throw gerr.invalid(`Missing time zone definition for ${which} time.`);
    ms = localToInstant(t.dateTime, t.timeZone);
    if (Number.isNaN(ms)) throw gerr.invalid(`Invalid ${which} time.`);
  }
  return { out: { dateTime: formatInZone(ms, calendarTz), ...tz }, ms, allDay: false };
}

export function normalizeTimes(event: Record<string, unknown>, calendarTz: string): NormalizedTimes {
  const s = side(event.start, 'start', calendarTz);
  const e = side(event.end, 'end', calendarTz);
  if (s.allDay !== e.allDay) throw gerr.invalid('Start and end times must either both be date or both be dateTime.');
  if (e.ms < s.ms) throw gerr.timeRangeEmpty();
  const recurrence = event.recurrence;
  if (Array.isArray(recurrence) && recurrence.length > 0 && !s.allDay && !s.out.timeZone) {
    throw gerr.invalid('Missing time zone definition for start time.');
  }
  return { start: s.out, end: e.out, startMs: s.ms, endMs: e.ms };
}

/** Re-renders a stored dateTime in another zone (list `timeZone` param). */
export function renderIn(t: EventDateTime | undefined, tz: string): EventDateTime | undefined {
  if (!t || !t.dateTime) return t;
  return { ...t, dateTime: formatInZone(Date.parse(t.dateTime), tz) };
}

export function instantOf(t: EventDateTime | undefined, calendarTz: string): number {
  if (!t) return NaN;
  if (t.dateTime) return Date.parse(t.dateTime);
  return t.date ? dateToInstant(t.date, t.timeZone ?? calendarTz) : NaN;
}
