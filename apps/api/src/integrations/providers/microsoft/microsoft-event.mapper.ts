// Pure: CalendarEventInput -> the Graph event body we write, plus the two handles that
// make our writes idempotent (provider-apis.md B3.2): a transactionId derived from the
// syncKey (Graph returns the existing event for a repeated create) and a single-value
// extended property holding the syncKey (to find our event again with $filter when we
// do not know its id, e.g. after a crash between Graph's write and ours).
import { createHash } from 'node:crypto';
import type { CalendarEventInput } from '../calendar-provider';
import { wallTimeIn } from '../zoned-time';

/** Our property set's GUID: fixed forever, or we would no longer find our own events. */
const PROPERTY_SET = '{1d078018-e9a0-4f77-9df9-5d67101c4c45}';
export const SYNC_KEY_PROPERTY_ID = `String ${PROPERTY_SET} Name syncKey`;

/**
 * IANA -> Windows names (CLDR windowsZones.xml, territory 001) for the zones we expect.
 * Graph accepts every Windows name but only a listed subset of IANA names (B4): a zone
 * outside this table is sent as its IANA name.
 */
const WINDOWS_ZONE_BY_IANA: Record<string, string> = {
  UTC: 'UTC',
  'Etc/UTC': 'UTC',
  'Europe/Paris': 'Romance Standard Time',
  'Europe/Brussels': 'Romance Standard Time',
  'Europe/Madrid': 'Romance Standard Time',
  'Europe/Copenhagen': 'Romance Standard Time',
  'Europe/Berlin': 'W. Europe Standard Time',
  'Europe/Amsterdam': 'W. Europe Standard Time',
  'Europe/Luxembourg': 'W. Europe Standard Time',
  'Europe/Zurich': 'W. Europe Standard Time',
  'Europe/Rome': 'W. Europe Standard Time',
  'Europe/Vienna': 'W. Europe Standard Time',
  'Europe/Monaco': 'W. Europe Standard Time',
  'Europe/London': 'GMT Standard Time',
  'Europe/Dublin': 'GMT Standard Time',
  'Europe/Lisbon': 'GMT Standard Time',
  'Europe/Warsaw': 'Central European Standard Time',
  'Europe/Budapest': 'Central Europe Standard Time',
  'Europe/Prague': 'Central Europe Standard Time',
  'Europe/Athens': 'GTB Standard Time',
  'Europe/Bucharest': 'GTB Standard Time',
  'Europe/Helsinki': 'FLE Standard Time',
  'Europe/Kiev': 'FLE Standard Time',
  'Europe/Kyiv': 'FLE Standard Time',
  'Europe/Istanbul': 'Turkey Standard Time',
  'Europe/Moscow': 'Russian Standard Time',
  'Africa/Casablanca': 'Morocco Standard Time',
  'Indian/Reunion': 'Reunion Standard Time',
  'Indian/Mauritius': 'Mauritius Standard Time',
  'America/New_York': 'Eastern Standard Time',
  'America/Chicago': 'Central Standard Time',
  'America/Denver': 'Mountain Standard Time',
  'America/Phoenix': 'US Mountain Standard Time',
  'America/Los_Angeles': 'Pacific Standard Time',
  'America/Halifax': 'Atlantic Standard Time',
  'Asia/Tokyo': 'Tokyo Standard Time',
  'Asia/Shanghai': 'China Standard Time',
  'Asia/Singapore': 'Singapore Standard Time',
  'Asia/Dubai': 'Arabian Standard Time',
  'Australia/Sydney': 'AUS Eastern Standard Time',
};

export function graphTimeZone(ianaZone: string): string {
  return WINDOWS_ZONE_BY_IANA[ianaZone] ?? ianaZone;
}

/**
 * A GUID from SHA-256 of the syncKey and the calendar (RFC 4122 name-based layout, version
 * 5 bits). The calendar is part of it because Graph deduplicates creates across the whole
 * mailbox: when the person picks another calendar, the event made there must be a new one,
 * not the old calendar's handed back.
 */
export function transactionIdFor(syncKey: string, calendarId: string): string {
  const bytes = createHash('sha256').update(`${calendarId}\n${syncKey}`, 'utf8').digest().subarray(0, 16);
  bytes[6] = (bytes[6] & 0x0f) | 0x50;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** OData $filter matching the event carrying our syncKey property (quotes doubled per OData). */
export function syncKeyFilter(syncKey: string): string {
  const quoted = (value: string) => `'${value.replace(/'/g, "''")}'`;
  return `singleValueExtendedProperties/Any(ep: ep/id eq ${quoted(SYNC_KEY_PROPERTY_ID)} and ep/value eq ${quoted(syncKey)})`;
}

/** The PATCH body (every field we own); a create adds transactionId (it cannot change later). */
export function toGraphEvent(event: CalendarEventInput): Record<string, unknown> {
  return {
    subject: event.title,
    body: { contentType: 'text', content: event.description },
    location: { displayName: event.location },
    // Delegates and people the calendar is shared with see the slot, not its content.
    sensitivity: 'private',
    start: graphDateTime(event.startsAt, event.timeZone),
    end: graphDateTime(event.endsAt, event.timeZone),
    singleValueExtendedProperties: [{ id: SYNC_KEY_PROPERTY_ID, value: event.syncKey }],
  };
}

export function toGraphCreate(event: CalendarEventInput, calendarId: string): Record<string, unknown> {
  return { ...toGraphEvent(event), transactionId: transactionIdFor(event.syncKey, calendarId) };
}

/**
 * Graph's dateTimeTimeZone: a wall time without offset in a named zone (B4). Kept in the
 * intervention's zone so Outlook shows it there, except when that wall time happens twice
 * (the night clocks go back): Graph would take the second one, an hour late, so such an
 * instant is written in UTC, which names it exactly.
 */
export function graphDateTime(instant: Date, ianaZone: string): { dateTime: string; timeZone: string } {
  const { wall } = wallTimeIn(instant, ianaZone);
  if (!isAmbiguousWallTime(instant, ianaZone, wall)) return { dateTime: wall, timeZone: graphTimeZone(ianaZone) };
  return { dateTime: wallTimeIn(instant, 'UTC').wall, timeZone: 'UTC' };
}

/** True when another instant within three hours shows the same wall time in that zone. */
function isAmbiguousWallTime(instant: Date, ianaZone: string, wall: string): boolean {
  const HOUR = 3_600_000;
  const offsets = [-3, 0, 3].map((h) => wallTimeIn(new Date(instant.getTime() + h * HOUR), ianaZone).offset);
  const asUtc = Date.parse(`${wall}Z`);
  return [...new Set(offsets)].some((offset) => {
    const sign = offset.startsWith('-') ? -1 : 1;
    const minutes = sign * (Number(offset.slice(1, 3)) * 60 + Number(offset.slice(4, 6)));
    const candidate = new Date(asUtc - minutes * 60_000);
    return candidate.getTime() !== Math.floor(instant.getTime() / 1000) * 1000 && wallTimeIn(candidate, ianaZone).wall === wall;
  });
}
