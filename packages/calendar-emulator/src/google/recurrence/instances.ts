// Owns the instances of a recurring Google event (events reference: `recurringEventId`,
// `originalStartTime`; events.instances): their ids (`<eventId>_<YYYYMMDDTHHMMSSZ>`, or
// `<eventId>_<YYYYMMDD>` for all-day series), the body of an instance nobody changed (the
// master's fields at that occurrence), and finding the occurrences inside a time window.
// An instance someone changed or cancelled is an *exception*: a stored event with that id.
import type { EventDateTime } from '../calendar/event-times.js';
import { formatInZone } from '../calendar/time.js';
import type { EventBody } from '../calendar/event-model.js';
import { expandFloating, floating, instantOfFloating, isRecurring } from './rules.js';

/** At most this many instances per series and query (Google does not document one; a bound keeps "no timeMax" finite). */
export const MAX_INSTANCES = 2000;
/** Without timeMax, a series is expanded this far past the window start (emulator choice). */
export const DEFAULT_HORIZON_MS = 2 * 366 * 24 * 3600_000;
const DAY = 24 * 3600_000;
// The widest UTC offsets (-12h, +14h): slack so a floating window never misses an instant.
const SLACK_MS = 15 * 3600_000;

export interface Occurrence {
  /** Instant the instance starts (all-day: midnight in the series zone). */
  startMs: number;
  /** Instance id suffix. */
  stamp: string;
  originalStartTime: EventDateTime;
  start: EventDateTime;
  end: EventDateTime;
}

const compact = (iso: string): string => iso.replace(/[-:]/g, '').replace(/\.\d+/, '');

type Series = ReturnType<typeof seriesOf>;

function seriesOf(master: EventBody, calendarTz: string) {
  const start = master.start as EventDateTime;
  const end = master.end as EventDateTime;
  const allDay = start.date !== undefined;
  const tz = start.timeZone ?? calendarTz;
  const dtstart = allDay ? new Date(`${start.date}T00:00:00Z`) : floating(Date.parse(start.dateTime!), tz);
  const durationMs = allDay ? Date.parse(`${end.date}T00:00:00Z`) - dtstart.getTime() : Date.parse(end.dateTime!) - Date.parse(start.dateTime!);
  return { start, allDay, tz, dtstart, durationMs };
}

function occurrenceAt(d: Date, s: Series, calendarTz: string): Occurrence {
  const zone = s.start.timeZone ? { timeZone: s.start.timeZone } : {};
  if (s.allDay) {
    const date = d.toISOString().slice(0, 10);
    const endDate = new Date(d.getTime() + s.durationMs).toISOString().slice(0, 10);
    return { startMs: instantOfFloating(d, s.tz), stamp: date.replace(/-/g, ''), originalStartTime: { date }, start: { date }, end: { date: endDate } };
  }
  const ms = instantOfFloating(d, s.tz);
  const at = (x: number): EventDateTime => ({ dateTime: formatInZone(x, calendarTz), ...zone });
  return { startMs: ms, stamp: compact(new Date(ms).toISOString()), originalStartTime: at(ms), start: at(ms), end: at(ms + s.durationMs) };
}

/** Occurrences whose start lies in [fromMs - duration, toMs): a caller filters by end. */
export function occurrencesBetween(master: EventBody, calendarTz: string, fromMs: number, toMs: number): Occurrence[] {
  if (!isRecurring(master)) return [];
  const s = seriesOf(master, calendarTz);
  const from = new Date(fromMs - s.durationMs - SLACK_MS - DAY);
  const to = new Date(toMs + SLACK_MS + DAY);
  const lo = from.getTime() < s.dtstart.getTime() ? s.dtstart : from;
  return expandFloating(master.recurrence as string[], s, lo, to, MAX_INSTANCES)
    .map((d) => occurrenceAt(d, s, calendarTz))
    .filter((o) => o.startMs < toMs && o.startMs + s.durationMs > fromMs);
}

export const instanceId = (masterId: string, stamp: string): string => `${masterId}_${stamp}`;

/** `<master>_<stamp>` -> its parts, or undefined when the id is not shaped like an instance id. */
export function splitInstanceId(id: string): { masterId: string; stamp: string } | undefined {
  const m = /^(.+)_(\d{8}(?:T\d{6}Z)?)$/.exec(id);
  return m ? { masterId: m[1]!, stamp: m[2]! } : undefined;
}

/** The occurrence of `master` with this stamp, if the series has one. */
export function occurrenceByStamp(master: EventBody, calendarTz: string, stamp: string): Occurrence | undefined {
  const at = stamp.length === 8 ? Date.UTC(+stamp.slice(0, 4), +stamp.slice(4, 6) - 1, +stamp.slice(6, 8)) : Date.parse(`${stamp.slice(0, 4)}-${stamp.slice(4, 6)}-${stamp.slice(6, 8)}T${stamp.slice(9, 11)}:${stamp.slice(11, 13)}:${stamp.slice(13, 15)}Z`);
  if (Number.isNaN(at)) return undefined;
  return occurrencesBetween(master, calendarTz, at - 2 * DAY, at + 2 * DAY).find((o) => o.stamp === stamp);
}

/** What Google shows for an instance nobody changed: the master at that occurrence. */
export function virtualInstance(master: EventBody, o: Occurrence): EventBody {
  const { recurrence: _r, ...rest } = master;
  return {
    ...rest,
    id: instanceId(String(master.id), o.stamp),
    recurringEventId: master.id,
    originalStartTime: o.originalStartTime,
    start: o.start,
    end: o.end,
  };
}
