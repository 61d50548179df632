// Two-way sync, Google side (provider-apis.md A2.4): events.list with showDeleted, every page,
// first without a sync token over the window (a full listing), then with the nextSyncToken of
// the last page (changes only, deletions as cancelled items). A 410 (fullSyncRequired) means
// the token is no longer honoured: SyncCursorExpired, the caller lists in full again.
import type { calendar_v3 } from '@googleapis/calendar';
import type { CalendarChanges, ChangeWindow, ObservedEvent } from '../calendar-provider';
import { ProviderError, SyncCursorExpired } from '../provider-error';
import { isGoogleGone } from './google-error.mapper';

/** A guard against a server that keeps sending pages. */
const MAX_PAGES = 200;

export async function listGoogleChanges(
  events: calendar_v3.Resource$Events,
  calendarId: string,
  cursor: string | null,
  window: ChangeWindow,
): Promise<CalendarChanges> {
  const observed: ObservedEvent[] = [];
  let pageToken: string | undefined;
  for (let page = 0; page < MAX_PAGES; page++) {
    // The sync token carries the first listing's window: no timeMin beside it (Google answers 400).
    const range = cursor ? { syncToken: cursor } : { timeMin: window.from.toISOString(), timeMax: window.to.toISOString() };
    const { data } = await events
      .list({ calendarId, showDeleted: true, maxResults: 2500, ...range, ...(pageToken ? { pageToken } : {}) })
      .catch((error: unknown) => {
        if (cursor && isGoogleGone(error)) throw new SyncCursorExpired('Google: 410 fullSyncRequired');
        throw error;
      });
    observed.push(...(data.items ?? []).flatMap(toObservedEvent));
    if (data.nextPageToken) {
      pageToken = data.nextPageToken;
      continue;
    }
    if (!data.nextSyncToken) throw new ProviderError('PERMANENT', 'Google: last page without nextSyncToken');
    return { events: observed, cursor: data.nextSyncToken, full: cursor === null };
  }
  throw new ProviderError('PERMANENT', `Google: more than ${MAX_PAGES} pages of changes`);
}

/** Pure: a listed Google event -> what two-way sync compares. */
export function toObservedEvent(event: calendar_v3.Schema$Event): ObservedEvent[] {
  if (!event.id) return [];
  if (event.status === 'cancelled') return [{ externalId: event.id, removed: true }];
  const startsAt = instantOf(event.start);
  const endsAt = instantOf(event.end);
  return [{ externalId: event.id, removed: false, ...(event.etag ? { etag: event.etag } : {}), ...(startsAt && endsAt ? { startsAt, endsAt } : {}) }];
}

/** dateTime carries its offset; an all-day date is read as midnight UTC (ours never are). */
function instantOf(value: calendar_v3.Schema$EventDateTime | undefined): Date | undefined {
  const text = value?.dateTime ?? (value?.date ? `${value.date}T00:00:00Z` : undefined);
  const instant = text ? new Date(text) : undefined;
  return instant && !Number.isNaN(instant.getTime()) ? instant : undefined;
}
