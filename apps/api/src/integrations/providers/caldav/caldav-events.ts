// Writing one event into a CalDAV calendar (RFC 4791 §5.3.2), idempotently. The resource
// name and the iCalendar UID both come from the sync key, so a retry after a crash finds
// the event a lost attempt made: the create is a PUT with `If-None-Match: *`; a 412 means
// the event exists, and it is updated with `If-Match` on its current ETag. Deletes use
// `If-Match` too; an event already gone is success.
import { createObject, deleteObject, propfind, updateObject } from 'tsdav';
import { singleEventCalendar } from '../../../icalendar/icalendar';
import type { CalendarEventInput, EventRef } from '../calendar-provider';
import { ProviderError } from '../provider-error';
import { caldavStatusError } from './caldav-error.mapper';
import type { CalDavSession } from './caldav-http';

const ICS = { 'Content-Type': 'text/calendar; charset=utf-8' };

/** The event's URL in a calendar: one per sync key, a safe path segment. */
export function eventUrl(calendarUrl: string, syncKey: string): string {
  const name = `${syncKey.replace(/[^A-Za-z0-9_-]/g, '_')}.ics`;
  return new URL(name, calendarUrl.endsWith('/') ? calendarUrl : `${calendarUrl}/`).href;
}

export async function putEvent(session: CalDavSession, calendarUrl: string, event: CalendarEventInput, now: Date): Promise<EventRef> {
  const url = eventUrl(calendarUrl, event.syncKey);
  const data = singleEventCalendar({
    uid: event.syncKey,
    sequence: event.sequence ?? 0,
    title: event.title,
    description: event.description,
    location: event.location,
    startsAt: event.startsAt,
    endsAt: event.endsAt,
    timeZone: event.timeZone,
    lastModified: now, // DTSTAMP / LAST-MODIFIED: when we wrote this copy
  });
  const created = await createObject({ url, data, headers: { ...session.headers, ...ICS, 'If-None-Match': '*' }, fetch: session.fetch });
  if (created.ok) return { externalId: url, etag: created.headers.get('etag') ?? (await currentEtag(session, url)) };
  if (created.status !== 412) throw caldavStatusError(created.status, 'PUT create', created.headers.get('retry-after'));
  // It exists (our earlier attempt, or a previous version): replace it, but only the copy we just read.
  const etag = await currentEtag(session, url);
  if (!etag) throw new ProviderError('TRANSIENT', 'PUT: event vanished between create and update');
  const updated = await updateObject({ url, data, etag, headers: { ...session.headers, ...ICS }, fetch: session.fetch });
  if (updated.status === 412) throw new ProviderError('TRANSIENT', 'PUT update: event changed meanwhile');
  if (!updated.ok) throw caldavStatusError(updated.status, 'PUT update', updated.headers.get('retry-after'));
  return { externalId: url, etag: updated.headers.get('etag') ?? (await currentEtag(session, url)) };
}

export async function removeEvent(session: CalDavSession, calendarUrl: string, syncKey: string): Promise<void> {
  const url = eventUrl(calendarUrl, syncKey);
  const etag = await currentEtag(session, url);
  if (!etag) return; // never made, or already gone
  const response = await deleteObject({ url, etag, headers: session.headers, fetch: session.fetch });
  if (response.ok || response.status === 404 || response.status === 410) return;
  if (response.status === 412) throw new ProviderError('TRANSIENT', 'DELETE: event changed meanwhile');
  throw caldavStatusError(response.status, 'DELETE', response.headers.get('retry-after'));
}

/** The ETag the server holds for `url`; undefined when there is no such event. */
async function currentEtag(session: CalDavSession, url: string): Promise<string | undefined> {
  const [response] = await propfind({ url, props: { 'd:getetag': {} }, depth: '0', headers: session.headers, fetch: session.fetch });
  if (!response || response.status === 404) return undefined;
  if (!response.ok) throw caldavStatusError(response.status, 'PROPFIND getetag');
  const etag = response.props?.getetag;
  return typeof etag === 'string' ? etag : undefined;
}
