// Two-way sync, Microsoft side (graph delta-query-events): calendarView/delta of the target
// calendar over the window, every page (@odata.nextLink) up to the @odata.deltaLink, which is
// the cursor; later rounds return changes only, deletions as @removed. A 410
// (SyncStateNotFound) means the delta link is no longer honoured: SyncCursorExpired.
import { GraphError, type Client } from '@microsoft/microsoft-graph-client';
import type { Event } from '@microsoft/microsoft-graph-types';
import type { CalendarChanges, ChangeWindow, ObservedEvent } from '../calendar-provider';
import { ProviderError, SyncCursorExpired } from '../provider-error';
import { IMMUTABLE_IDS, NO_RETRY } from './microsoft-graph';
import { instantOfGraphDateTime } from './microsoft-time-zone';

/** A guard against a server that keeps sending pages. */
const MAX_PAGES = 500;

type DeltaItem = Event & { id: string; '@odata.etag'?: string; '@removed'?: { reason?: string } };
interface DeltaPage {
  value: DeltaItem[];
  '@odata.nextLink'?: string;
  '@odata.deltaLink'?: string;
}

export async function listMicrosoftChanges(client: Client, calendarId: string, cursor: string | null, window: ChangeWindow): Promise<CalendarChanges> {
  const first = `/me/calendars/${encodeURIComponent(calendarId)}/calendarView/delta?startDateTime=${window.from.toISOString()}&endDateTime=${window.to.toISOString()}`;
  const observed: ObservedEvent[] = [];
  let url = cursor ?? first;
  for (let page = 0; page < MAX_PAGES; page++) {
    // Immutable ids: the ids we stored when writing (microsoft-graph-events.ts) are of that form.
    const answer = (await client
      .api(url)
      .header('Prefer', IMMUTABLE_IDS)
      .middlewareOptions(NO_RETRY)
      .get()
      .catch((error: unknown) => {
        if (cursor && error instanceof GraphError && error.statusCode === 410) throw new SyncCursorExpired('Microsoft Graph: 410 SyncStateNotFound');
        throw error;
      })) as DeltaPage;
    observed.push(...answer.value.map(toObservedEvent));
    if (answer['@odata.nextLink']) {
      url = answer['@odata.nextLink'];
      continue;
    }
    if (!answer['@odata.deltaLink']) throw new ProviderError('PERMANENT', 'Microsoft Graph: last delta page without a deltaLink');
    return { events: observed, cursor: answer['@odata.deltaLink'], full: cursor === null };
  }
  throw new ProviderError('PERMANENT', `Microsoft Graph: more than ${MAX_PAGES} delta pages`);
}

/** Pure: a delta item -> what two-way sync compares. */
export function toObservedEvent(item: DeltaItem): ObservedEvent {
  if (item['@removed']) return { externalId: item.id, removed: true };
  const startsAt = item.start?.dateTime && item.start.timeZone ? instantOfGraphDateTime({ dateTime: item.start.dateTime, timeZone: item.start.timeZone }) : undefined;
  const endsAt = item.end?.dateTime && item.end.timeZone ? instantOfGraphDateTime({ dateTime: item.end.dateTime, timeZone: item.end.timeZone }) : undefined;
  return {
    externalId: item.id,
    removed: false,
    ...(item['@odata.etag'] ? { etag: item['@odata.etag'] } : {}),
    ...(startsAt && endsAt ? { startsAt, endsAt } : {}),
  };
}
