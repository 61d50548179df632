// Pure: CalendarEventInput -> the Graph event body we write, plus the two handles that
// make our writes idempotent (provider-apis.md B3.2): a transactionId derived from the
// syncKey (Graph returns the existing event for a repeated create) and a single-value
// extended property holding the syncKey (to find our event again with $filter when we
// do not know its id, e.g. after a crash between Graph's write and ours).
import { createHash } from 'node:crypto';
import type { Event } from '@microsoft/microsoft-graph-types';
import type { CalendarEventInput } from '../calendar-provider';
import { graphDateTime } from './microsoft-time-zone';

/** Our property set's GUID: fixed forever, or we would no longer find our own events. */
const PROPERTY_SET = '{1d078018-e9a0-4f77-9df9-5d67101c4c45}';
export const SYNC_KEY_PROPERTY_ID = `String ${PROPERTY_SET} Name syncKey`;

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
export function toGraphEvent(event: CalendarEventInput): Event {
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

export function toGraphCreate(event: CalendarEventInput, calendarId: string): Event {
  return { ...toGraphEvent(event), transactionId: transactionIdFor(event.syncKey, calendarId) };
}
