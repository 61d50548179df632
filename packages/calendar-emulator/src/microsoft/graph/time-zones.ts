// Graph's dateTimeTimeZone handling: Windows <-> IANA zone names (CLDR's windowsZones,
// through windows-iana, the table the API uses too), wall-clock <-> instant, and Graph's
// response format (no offset, 7 fractional digits, UTC unless `Prefer: outlook.timezone`
// says otherwise). Pure.
// Source: learn.microsoft.com graph/api/resources/datetimetimezone, user-post-events.
import { findIana } from 'windows-iana';

export class UnknownTimeZoneError extends Error {
  constructor(readonly zone: string) {
    super(`Invalid time zone '${zone}'`);
  }
}

/** Resolves a Windows or IANA zone name to an IANA name Intl understands, or throws. */
export function toIana(zone: string): string {
  const trimmed = zone.trim();
  // Graph accepts every Windows name CLDR knows, and IANA names.
  const mapped = findIana(trimmed)?.[0];
  if (mapped) return mapped;
  if (/^(etc\/)?(utc|gmt)$/i.test(trimmed)) return 'UTC';
  try {
    return new Intl.DateTimeFormat('en-US', { timeZone: trimmed }).resolvedOptions().timeZone;
  } catch {
    throw new UnknownTimeZoneError(trimmed);
  }
}

interface WallClock { y: number; mo: number; d: number; h: number; mi: number; s: number; ms: number }

function wallClockAt(epochMs: number, iana: string): WallClock {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone: iana, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit',
    hour: '2-digit', minute: '2-digit', second: '2-digit',
  }).formatToParts(new Date(epochMs));
  const get = (t: string) => Number(parts.find((p) => p.type === t)?.value);
  return { y: get('year'), mo: get('month'), d: get('day'), h: get('hour'), mi: get('minute'), s: get('second'), ms: ((epochMs % 1000) + 1000) % 1000 };
}

function offsetMs(epochMs: number, iana: string): number {
  const w = wallClockAt(epochMs, iana);
  return Date.UTC(w.y, w.mo - 1, w.d, w.h, w.mi, w.s, w.ms) - epochMs;
}

const LOCAL_DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,7}))?)?$/;

export class InvalidDateTimeError extends Error {}

/**
 * Wall-clock `dateTime` (no offset, as Graph requires) in `zone` -> epoch ms.
 * Graph tolerates a trailing `Z` when the zone is UTC, so we do too.
 */
export function toEpochMs(dateTime: string, zone: string): number {
  const iana = toIana(zone);
  const m = LOCAL_DATE_TIME.exec(dateTime.replace(/Z$/, ''));
  if (!m) throw new InvalidDateTimeError(`Cannot convert the literal '${dateTime}' to the expected type 'Edm.DateTimeOffset'.`);
  const frac = Number(((m[7] ?? '') + '000').slice(0, 3));
  const asUtc = Date.UTC(+m[1], +m[2] - 1, +m[3], +m[4], +m[5], +(m[6] ?? 0), frac);
  // Two passes settle DST transitions (the second offset is taken at the corrected instant).
  const first = asUtc - offsetMs(asUtc, iana);
  return asUtc - offsetMs(first, iana);
}

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

/** Epoch ms -> Graph's response string in `zone`: `2026-01-05T09:00:00.0000000`. */
export function formatGraphDateTime(epochMs: number, zone: string): string {
  const w = wallClockAt(epochMs, toIana(zone));
  return `${w.y}-${pad(w.mo)}-${pad(w.d)}T${pad(w.h)}:${pad(w.mi)}:${pad(w.s)}.${pad(w.ms, 3)}0000`;
}

/** `createdDateTime`-style timestamps: always UTC, 7 digits, trailing Z. */
export function formatUtcTimestamp(epochMs: number): string {
  return `${formatGraphDateTime(epochMs, 'UTC')}Z`;
}
