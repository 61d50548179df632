// The one wall-clock helper of the API and the PWA: an instant seen on the clock of an IANA
// zone, and back. An intervention keeps its own zone (a 09:00 job in Paris stays 09:00 in
// Paris), so both the provider payloads and the forms need these conversions.
//
// The arithmetic is Temporal's (temporal-polyfill, until Node and browsers ship it): it
// names the two DST cases a hand-made offset loop gets wrong. On the night clocks go back
// a wall time happens twice; on the night they go forward an hour never happens. Callers
// choose with `Disambiguation`, whose default is Temporal's 'compatible' (the first of two,
// and a skipped time moved forward by the jump), the same rule as JavaScript's Date.
//
// Temporal stays inside this file: the exported signatures use Date, strings and numbers,
// so no consumer (or compiled .d.ts) depends on the polyfill.
import { Temporal } from 'temporal-polyfill';

export interface WallTime {
  /** Local date and time, whole seconds, no offset: `2026-12-01T09:00:00`. */
  wall: string;
  /** The zone's UTC offset at that instant, in minutes (Paris in winter: 60). */
  offsetMinutes: number;
  /** The same offset as ISO 8601 / RFC 3339 write it: `+01:00`. */
  offset: string;
}

/** Which instant a wall time names when it happens twice, or where a skipped one goes. */
export type Disambiguation = 'compatible' | 'earlier' | 'later';

type Instant = Date | number;

const epochMs = (instant: Instant) => (typeof instant === 'number' ? instant : instant.getTime());

/** Throws RangeError for a zone Intl does not know (zones are validated by timeZoneSchema). */
function zoned(instant: Instant, timeZone: string): Temporal.ZonedDateTime {
  return Temporal.Instant.fromEpochMilliseconds(epochMs(instant)).toZonedDateTimeISO(timeZone);
}

export function formatOffset(minutes: number): string {
  const abs = Math.abs(minutes);
  const hh = String(Math.floor(abs / 60)).padStart(2, '0');
  const mm = String(abs % 60).padStart(2, '0');
  return `${minutes < 0 ? '-' : '+'}${hh}:${mm}`;
}

/** The wall clock of `timeZone` at an instant; milliseconds are dropped, as providers want. */
export function wallTimeAt(instant: Instant, timeZone: string): WallTime {
  const at = zoned(instant, timeZone);
  // Whole minutes: RFC 3339 has no seconds in an offset (only pre-1900 local mean times do).
  const offsetMinutes = Math.round(at.offsetNanoseconds / 60e9);
  return {
    wall: at.toPlainDateTime().toString({ smallestUnit: 'second' }),
    offsetMinutes,
    offset: formatOffset(offsetMinutes),
  };
}

/** Minutes to add to UTC to read the wall clock of `timeZone` at that instant. */
export function offsetMinutesAt(instant: Instant, timeZone: string): number {
  return wallTimeAt(instant, timeZone).offsetMinutes;
}

/** The instant as local time with its offset: `2026-12-01T09:00:00+01:00` for Paris. */
export function zonedIso(instant: Instant, timeZone: string): string {
  const { wall, offset } = wallTimeAt(instant, timeZone);
  return `${wall}${offset}`;
}

/**
 * Date and time only (minutes, optional seconds and up to 9 fraction digits, e.g. Graph's
 * `2017-04-15T11:00:00.0000000`). No offset or `Z`: a wall time names no instant by itself.
 */
const WALL_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?$/;

function parseWallTime(wall: string): Temporal.PlainDateTime | null {
  if (!WALL_TIME.test(wall)) return null;
  try {
    return Temporal.PlainDateTime.from(wall);
  } catch {
    return null; // a date that does not exist, such as 2026-02-30
  }
}

/** The instant a wall time names in `timeZone`; null when `wall` is not a wall time. */
export function instantOfWallTime(wall: string, timeZone: string, disambiguation: Disambiguation = 'compatible'): Date | null {
  const plain = parseWallTime(wall);
  if (!plain) return null;
  return new Date(plain.toZonedDateTime(timeZone, { disambiguation }).epochMilliseconds);
}

/**
 * Every instant that shows this wall time in `timeZone`, earliest first: one on most
 * days, two on the night clocks go back, none in the hour skipped when they go forward.
 */
export function instantsOfWallTime(wall: string, timeZone: string): Date[] {
  const plain = parseWallTime(wall);
  if (!plain) return [];
  const found = new Set<number>();
  for (const disambiguation of ['earlier', 'later'] as const) {
    const candidate = plain.toZonedDateTime(timeZone, { disambiguation });
    // Inside a gap Temporal moves the time off the requested one: that is not a match.
    if (Temporal.PlainDateTime.compare(candidate.toPlainDateTime(), plain) === 0) found.add(candidate.epochMilliseconds);
  }
  return [...found].map((ms) => new Date(ms));
}
