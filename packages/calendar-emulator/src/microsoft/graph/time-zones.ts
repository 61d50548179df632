// Graph's dateTimeTimeZone handling: Windows <-> IANA zone names, wall-clock <-> instant,
// and Graph's response format (no offset, 7 fractional digits, UTC unless
// `Prefer: outlook.timezone` says otherwise). Pure; uses only Intl.
// Source: learn.microsoft.com graph/api/resources/datetimetimezone, user-post-events.

// Subset of CLDR windowsZones.xml (territory "001"); Graph accepts Windows names and IANA names.
const WINDOWS_TO_IANA: Record<string, string> = {
  'UTC': 'UTC', 'Coordinated Universal Time': 'UTC',
  'GMT Standard Time': 'Europe/London', 'Greenwich Standard Time': 'Atlantic/Reykjavik',
  'W. Europe Standard Time': 'Europe/Berlin', 'Romance Standard Time': 'Europe/Paris',
  'Central Europe Standard Time': 'Europe/Budapest', 'Central European Standard Time': 'Europe/Warsaw',
  'E. Europe Standard Time': 'Europe/Chisinau', 'FLE Standard Time': 'Europe/Kiev',
  'GTB Standard Time': 'Europe/Bucharest', 'Russian Standard Time': 'Europe/Moscow',
  'Turkey Standard Time': 'Europe/Istanbul', 'Israel Standard Time': 'Asia/Jerusalem',
  'South Africa Standard Time': 'Africa/Johannesburg', 'Egypt Standard Time': 'Africa/Cairo',
  'Morocco Standard Time': 'Africa/Casablanca', 'W. Central Africa Standard Time': 'Africa/Lagos',
  'Arabian Standard Time': 'Asia/Dubai', 'Arab Standard Time': 'Asia/Riyadh',
  'India Standard Time': 'Asia/Calcutta', 'China Standard Time': 'Asia/Shanghai',
  'Tokyo Standard Time': 'Asia/Tokyo', 'Korea Standard Time': 'Asia/Seoul',
  'Singapore Standard Time': 'Asia/Singapore', 'SE Asia Standard Time': 'Asia/Bangkok',
  'AUS Eastern Standard Time': 'Australia/Sydney', 'E. Australia Standard Time': 'Australia/Brisbane',
  'W. Australia Standard Time': 'Australia/Perth', 'New Zealand Standard Time': 'Pacific/Auckland',
  'Eastern Standard Time': 'America/New_York', 'Central Standard Time': 'America/Chicago',
  'Mountain Standard Time': 'America/Denver', 'US Mountain Standard Time': 'America/Phoenix',
  'Pacific Standard Time': 'America/Los_Angeles', 'Alaskan Standard Time': 'America/Anchorage',
  'Hawaiian Standard Time': 'Pacific/Honolulu', 'Atlantic Standard Time': 'America/Halifax',
  'Newfoundland Standard Time': 'America/St_Johns', 'Canada Central Standard Time': 'America/Regina',
  'Central Standard Time (Mexico)': 'America/Mexico_City', 'SA Pacific Standard Time': 'America/Bogota',
  'E. South America Standard Time': 'America/Sao_Paulo', 'Argentina Standard Time': 'America/Buenos_Aires',
  'Pacific SA Standard Time': 'America/Santiago', 'SA Western Standard Time': 'America/La_Paz',
  'Reunion Standard Time': 'Indian/Reunion', 'Mauritius Standard Time': 'Indian/Mauritius',
  'SE Asia Standard Time (Indochina)': 'Asia/Bangkok', 'Pakistan Standard Time': 'Asia/Karachi',
  'Bangladesh Standard Time': 'Asia/Dhaka', 'Iran Standard Time': 'Asia/Tehran',
  'Taipei Standard Time': 'Asia/Taipei', 'West Pacific Standard Time': 'Pacific/Port_Moresby',
  'Cen. Australia Standard Time': 'Australia/Adelaide', 'Tasmania Standard Time': 'Australia/Hobart',
};

export class UnknownTimeZoneError extends Error {
  constructor(readonly zone: string) {
    super(`Invalid time zone '${zone}'`);
  }
}

/** Resolves a Windows or IANA zone name to an IANA name Intl understands, or throws. */
export function toIana(zone: string): string {
  const trimmed = zone.trim();
  const mapped = WINDOWS_TO_IANA[trimmed];
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
