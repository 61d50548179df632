// Owns time handling for Google events (provider-apis.md A3): IANA zone validation,
// RFC3339 parsing, wall-clock-in-zone <-> instant, and rendering an instant with the offset
// of a zone (Google renders dateTime in the calendar's zone, or the list's timeZone param).

const OFFSET_RE = /(Z|[+-]\d{2}:\d{2})$/i;
const RFC3339_RE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/i;
const LOCAL_RE = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(\.\d+)?$/;
const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isValidTimeZone(tz: string): boolean {
  if (!/^[A-Za-z][A-Za-z0-9_+-]*(\/[A-Za-z0-9_+-]+)*$/.test(tz)) return false;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}

export const hasOffset = (s: string): boolean => OFFSET_RE.test(s);
export const isRfc3339 = (s: string): boolean => RFC3339_RE.test(s) && !Number.isNaN(Date.parse(s));
export const isDate = (s: string): boolean => DATE_RE.test(s) && !Number.isNaN(Date.parse(`${s}T00:00:00Z`));

/** Offset of `tz` at instant `ms`, in minutes east of UTC. */
export function zoneOffsetMinutes(ms: number, tz: string): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone: tz,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).formatToParts(new Date(ms));
  const n = (t: string) => Number(parts.find((p) => p.type === t)!.value);
  const asUtc = Date.UTC(n('year'), n('month') - 1, n('day'), n('hour'), n('minute'), n('second'));
  return Math.round((asUtc - Math.floor(ms / 1000) * 1000) / 60000);
}

/** Wall-clock time (no offset) in `tz` -> epoch ms. */
export function localToInstant(local: string, tz: string): number {
  const m = LOCAL_RE.exec(local);
  if (!m) return NaN;
  const guess = Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!, +m[4]!, +m[5]!, +m[6]!);
  const first = guess - zoneOffsetMinutes(guess, tz) * 60000;
  return guess - zoneOffsetMinutes(first, tz) * 60000;
}

/** Epoch ms -> `YYYY-MM-DDTHH:mm:ss±hh:mm` in `tz` (Z for UTC, as Google does). */
export function formatInZone(ms: number, tz: string): string {
  const off = zoneOffsetMinutes(ms, tz);
  const local = new Date(ms + off * 60000).toISOString().slice(0, 19);
  if (off === 0 && (tz === 'UTC' || tz === 'Etc/UTC')) return `${local}Z`;
  const sign = off < 0 ? '-' : '+';
  const a = Math.abs(off);
  return `${local}${sign}${String(Math.floor(a / 60)).padStart(2, '0')}:${String(a % 60).padStart(2, '0')}`;
}

/** Midnight of an all-day `date` in `tz`, epoch ms (for time-window filtering). */
export function dateToInstant(date: string, tz: string): number {
  return localToInstant(`${date}T00:00:00`, tz);
}

/** RFC3339 timestamp with milliseconds, as Google's `created`/`updated`. */
export const isoMs = (ms: number): string => new Date(ms).toISOString();
