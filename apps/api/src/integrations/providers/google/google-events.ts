// The Calendar API event calls behind GoogleCalendarProvider.upsertEvent/deleteEvent
// (provider-apis.md A2.2-A2.3). Idempotency rests on choosing the event id ourselves from
// the syncKey: a retried insert answers 409 instead of making a second event. Failures
// leave as the SDK's errors; the provider's withAuth maps them to ProviderError.
import type { calendar_v3 } from '@googleapis/calendar';
import type { CalendarEventInput, EventRef, UpsertOptions } from '../calendar-provider';
import { EventEditedElsewhere, ProviderError } from '../provider-error';
import { isGoogleDuplicate, mapGoogleError } from './google-error.mapper';
import { googleEventId, toGoogleEvent } from './google-event.mapper';

/** Purged tombstones of one syncKey in one calendar: more than a few means something else is wrong. */
const MAX_ID_GENERATIONS = 5;

const isNotFound = (error: unknown) => mapGoogleError(error).code === 'NOT_FOUND';

/** A catch handler: an expected failure becomes undefined, any other is rethrown. */
const unless =
  (expected: (error: unknown) => boolean) =>
  (error: unknown): undefined => {
    if (expected(error)) return undefined;
    throw error;
  };

/**
 * Insert with the id derived from syncKey; 409 means our event already exists (a retry
 * after a crash, or a deleted tombstone, which keeps its id): a full update then writes
 * it, status 'confirmed' reviving a tombstone. With `known`, update first (one call for
 * the common case). When an id is taken but gone (409 then 404: a purged tombstone), the
 * next generation's id is used; the sequence is deterministic, so a retry without `known`
 * walks the same ids and still finds the one event. With `ifMatch` (two-way sync) the known
 * event is updated only at the etag we wrote: Google's 412 (a deleted event's tombstone has a
 * new etag too) or the event gone is the person's edit, never overwritten here.
 */
export async function upsertGoogleEvent(
  events: calendar_v3.Resource$Events,
  calendarId: string,
  event: CalendarEventInput,
  known?: EventRef,
  options?: UpsertOptions,
): Promise<EventRef> {
  const body = toGoogleEvent(event);
  const update = async (eventId: string) => toEventRef((await events.update({ calendarId, eventId, requestBody: body })).data);
  if (known && options?.ifMatch && known.etag) {
    const conditional = { calendarId, eventId: known.externalId, requestBody: body };
    const updated = await events.update(conditional, { headers: { 'If-Match': known.etag } }).catch(unless(isNotFound));
    if (!updated) throw new EventEditedElsewhere('Google: the event we wrote is gone');
    return toEventRef(updated.data);
  }
  if (known) {
    const updated = await update(known.externalId).catch(unless(isNotFound));
    if (updated) return updated;
  }
  for (let generation = 0; generation < MAX_ID_GENERATIONS; generation++) {
    const eventId = googleEventId(event.syncKey, generation);
    const inserted = await events.insert({ calendarId, requestBody: { ...body, id: eventId } }).catch(unless(isGoogleDuplicate));
    if (inserted) return toEventRef(inserted.data);
    const updated = await update(eventId).catch(unless(isNotFound));
    if (updated) return updated;
  }
  throw new ProviderError('PERMANENT', `Google: no usable event id after ${MAX_ID_GENERATIONS} generations`);
}

/**
 * 404 (never existed) and 410 (already deleted) are success: the event is gone either way.
 * Without `known`, or when it is stale, our live events are found by their private syncKey property.
 */
export async function deleteGoogleEvent(
  events: calendar_v3.Resource$Events,
  calendarId: string,
  syncKey: string,
  known?: EventRef,
): Promise<void> {
  if (known) {
    const missing = await events.delete({ calendarId, eventId: known.externalId }).then(
      () => false,
      (error: unknown) => {
        if (!isNotFound(error)) throw error;
        return true;
      },
    );
    if (!missing) return;
  }
  // No id, or a stale one: our event (of whatever id generation) carries the private syncKey.
  const { data } = await events.list({ calendarId, privateExtendedProperty: [`syncKey=${syncKey}`], maxResults: 250 });
  const eventIds = (data.items ?? []).map((item) => item.id ?? '').filter(Boolean);
  for (const eventId of eventIds) await events.delete({ calendarId, eventId }).catch(unless(isNotFound));
}

function toEventRef(event: calendar_v3.Schema$Event): EventRef {
  if (!event.id) throw new ProviderError('PERMANENT', 'Google: event answer without an id');
  return { externalId: event.id, ...(event.etag ? { etag: event.etag } : {}) };
}
