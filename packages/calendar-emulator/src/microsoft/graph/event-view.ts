// Renders a stored Graph event as Graph returns it: start/end in UTC (7-digit fraction, no
// offset) unless `Prefer: outlook.timezone`, REST or immutable id per `Prefer: IdType`,
// `@odata.etag` = W/"changeKey", transactionId only when set, and
// singleValueExtendedProperties only when `$expand`ed (filtered by id).
// Sources: graph/api/resources/event, datetimetimezone, outlook-immutable-id.
import { createHash } from 'node:crypto';
import type { GraphEventRecord } from './event-record.js';
import { formatGraphDateTime, formatUtcTimestamp } from './time-zones.js';
import type { GraphPreferences } from './prefer.js';
import { occurrenceId } from './recurrence/instances.js';

/** The default ("REST") id: depends on the calendar the item sits in, so a move changes it. */
// Memoized: lookups by REST id scan every event of the user, and benchmarks store thousands.
const restIds = new Map<string, string>();

export function restIdOf(rec: Pick<GraphEventRecord, 'id' | 'calendarId' | 'moveCount'>): string {
  const key = `${rec.id}|${rec.calendarId}|${rec.moveCount}`;
  let id = restIds.get(key);
  if (id === undefined) {
    const h = createHash('sha256').update(key).digest('base64url');
    id = `AAMkAGVmMDEzMTM4LTZmYWUtNDdkNC1hMDZiLTU1OGY5OTZhYmY4OABGAAAAAAAiQ8W967B7TKBjgx9rVEURBwAiIsqMbYjsT5e-T7KzowPTAAAAAAENAAAiIsqMbYjsT5e-T7KzowPTAA${h}AAA=`;
    if (restIds.size > 100_000) restIds.clear();
    restIds.set(key, id);
  }
  return id;
}

export const etagOf = (rec: Pick<GraphEventRecord, 'changeKey'>) => `W/"${rec.changeKey}"`;

export interface ViewOptions {
  prefs: GraphPreferences;
  ownerEmail: string;
  ownerName: string;
  /** Ids of extended properties to include (from `$expand=...($filter=id eq '...')`); undefined = none. */
  expandExtendedProperties?: string[] | 'all';
}

const eventType = (rec: GraphEventRecord) =>
  rec.instance ? (rec.instance.exception ? 'exception' : 'occurrence') : rec.recurrence ? 'seriesMaster' : 'singleInstance';

/** Renders a stored event, or one occurrence of a series (a record with `instance`). */
export function renderEvent(rec: GraphEventRecord, o: ViewOptions): Record<string, unknown> {
  // An occurrence's id is derived from its master's id in the same form (REST or immutable).
  const own = o.prefs.immutableId ? rec.id : restIdOf(rec);
  const id = rec.instance ? occurrenceId(own, rec.instance.originalStartMs) : own;
  const zone = o.prefs.timeZone;
  const out: Record<string, unknown> = {
    '@odata.etag': etagOf(rec),
    id,
    createdDateTime: formatUtcTimestamp(rec.createdMs),
    lastModifiedDateTime: formatUtcTimestamp(rec.modifiedMs),
    changeKey: rec.changeKey,
    categories: rec.categories,
    ...(rec.transactionId ? { transactionId: rec.transactionId } : {}),
    originalStartTimeZone: rec.originalStartTimeZone,
    originalEndTimeZone: rec.originalEndTimeZone,
    iCalUId: rec.iCalUId,
    reminderMinutesBeforeStart: rec.reminderMinutesBeforeStart,
    isReminderOn: rec.isReminderOn,
    hasAttachments: false,
    subject: rec.subject,
    bodyPreview: rec.body.content.replace(/<[^>]*>/g, '').slice(0, 255),
    importance: rec.importance,
    sensitivity: rec.sensitivity,
    isAllDay: rec.isAllDay,
    isCancelled: false,
    isOrganizer: true,
    responseRequested: true,
    seriesMasterId: rec.instance ? own : null,
    ...(rec.instance ? { originalStart: `${formatGraphDateTime(rec.instance.originalStartMs, 'UTC').slice(0, 19)}Z` } : {}),
    showAs: rec.showAs,
    type: eventType(rec),
    webLink: `https://outlook.office365.com/owa/?itemid=${encodeURIComponent(id)}&exvsurl=1&path=/calendar/item`,
    onlineMeetingUrl: null,
    isOnlineMeeting: false,
    onlineMeetingProvider: 'unknown',
    allowNewTimeProposals: true,
    isDraft: false,
    hideAttendees: false,
    responseStatus: { response: 'organizer', time: '0001-01-01T00:00:00Z' },
    body: rec.body,
    // All-day events float: midnight to midnight whatever zone the reader asks for.
    start: { dateTime: formatGraphDateTime(rec.startMs, rec.isAllDay ? rec.originalStartTimeZone : zone), timeZone: zone },
    end: { dateTime: formatGraphDateTime(rec.endMs, rec.isAllDay ? rec.originalEndTimeZone : zone), timeZone: zone },
    location: { displayName: '', locationType: 'default', uniqueIdType: 'unknown', ...rec.location },
    locations: rec.location.displayName ? [rec.location] : [],
    recurrence: rec.recurrence ?? null,
    attendees: rec.attendees,
    organizer: { emailAddress: { name: o.ownerName, address: o.ownerEmail } },
  };
  if (o.expandExtendedProperties) {
    const wanted = o.expandExtendedProperties;
    out.singleValueExtendedProperties = Object.entries(rec.extendedProperties)
      .filter(([k]) => wanted === 'all' || wanted.some((w) => w.toLowerCase() === k.toLowerCase()))
      .map(([k, value]) => ({ id: k, value }));
  }
  return out;
}
