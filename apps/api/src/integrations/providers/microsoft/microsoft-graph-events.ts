// The Graph event calls of upsertEvent/deleteEvent, through the SDK, given an access
// token. Every call sends `Prefer: IdType="ImmutableId"`: the id we store must survive the
// person moving the event between folders (B3.2). Graph failures leave as GraphError.
import type { Client } from '@microsoft/microsoft-graph-client';
import type { Event } from '@microsoft/microsoft-graph-types';
import type { CalendarEventInput, EventRef, UpsertOptions } from '../calendar-provider';
import { EventEditedElsewhere } from '../provider-error';
import { microsoftErrorToProviderError } from './microsoft-error.mapper';
import { syncKeyFilter, toGraphCreate, toGraphEvent } from './microsoft-event.mapper';
import { instantOfGraphDateTime } from './microsoft-time-zone';
import { IMMUTABLE_IDS, NO_RETRY, type GraphPage, type Listed, type MicrosoftGraph } from './microsoft-graph';

/** An event Graph answers with; its OData etag annotation is not in microsoft-graph-types. */
type GraphEvent = Listed<Event> & { '@odata.etag'?: string };

/** More than one match is already a repair; more than this many is not ours to clean in one go. */
const MAX_MATCHES = 10;

const isDuplicateTransaction = (error: unknown) => (error as { code?: string } | undefined)?.code === 'ErrorDuplicateTransactionId';
/**
 * What Graph returned already shows what we would write: subject, place, times. Not the
 * body: Graph may hand it back as HTML, which would force a PATCH after every create.
 */
const showsEvent = (shown: GraphEvent, event: CalendarEventInput): boolean => {
  const wanted = toGraphEvent(event);
  const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
  return (
    same(shown.subject, wanted.subject) &&
    same(shown.location?.displayName, wanted.location?.displayName) &&
    instantOf(shown.start) === instantOf(wanted.start) &&
    instantOf(shown.end) === instantOf(wanted.end)
  );
};
const instantOf = (value: Event['start']): number => {
  try {
    return value?.dateTime && value.timeZone ? instantOfGraphDateTime({ dateTime: value.dateTime, timeZone: value.timeZone }).getTime() : NaN;
  } catch {
    return NaN; // a zone we cannot read: treat as different, the PATCH makes it ours
  }
};
const isNotFound = (error: unknown) => microsoftErrorToProviderError(error).code === 'NOT_FOUND';
const toRef = (event: GraphEvent): EventRef => ({ externalId: event.id, ...(event['@odata.etag'] ? { etag: event['@odata.etag'] } : {}) });
/** Creates and lookups happen in our calendar; an event with a known id is reached wherever it is. */
const inCalendar = (base: string, calendarId: string) => `${base}/calendars/${encodeURIComponent(calendarId)}/events`;
/**
 * By immutable id, not under the calendar: if the person moved our event to another of
 * their calendars, we keep updating it there instead of failing to find it and creating it
 * again (the transactionId would then hand back the moved event, never updated).
 */
const byId = (base: string, eventId: string) => `${base}/events/${encodeURIComponent(eventId)}`;

/** One Graph client for one call's token, and the mailbox path (mailboxPath) its calls go under. */
interface Caller {
  client: Client;
  base: string;
}

export class MicrosoftGraphEvents {
  constructor(private readonly graph: MicrosoftGraph) {}

  /**
   * PATCH the known id; when Graph no longer has it (404), or we know none, find the
   * event by its syncKey property and PATCH that, else create it with the transactionId
   * (a create repeated after a crash returns the first event instead of a second one).
   * Should the lookup find several (a duplicate from an earlier failure), the extra ones
   * are deleted: one intervention, one event.
   */
  async upsert(accessToken: string, base: string, calendarId: string, event: CalendarEventInput, known?: EventRef, options?: UpsertOptions): Promise<EventRef> {
    const client: Caller = { client: this.graph.client(accessToken), base };
    if (!known && options?.firstWrite) {
      const created = await this.createFirst(client, calendarId, event);
      if (created) return created;
    }
    if (known) {
      // Two-way sync: only at the etag we wrote; a 412 or the event gone is the person's edit.
      const etag = options?.ifMatch ? known.etag : undefined;
      try {
        return toRef(await this.patch(client, known.externalId, event, etag));
      } catch (error) {
        if (!isNotFound(error)) throw error;
        if (etag) throw new EventEditedElsewhere('Microsoft Graph: the event we wrote is gone');
      }
    }
    const [found, ...duplicates] = await this.findBySyncKey(client, calendarId, event.syncKey);
    for (const duplicate of duplicates) await this.deleteIfPresent(client, duplicate.id);
    if (found) return toRef(await this.patch(client, found.id, event));
    const created = (await this.request(client, inCalendar(base, calendarId)).post(toGraphCreate(event, calendarId))) as GraphEvent;
    return toRef(created);
  }

  /**
   * A first write is one call: POST with the transactionId, no lookup (half the quota of
   * look-then-create). A repeat of it (a crash after Graph's write, before ours) hands back
   * the event the first made, which is brought up to date if it differs; a 409 for the
   * repeated transactionId (Graph's answer is not documented) says: look it up (undefined).
   */
  private async createFirst(client: Caller, calendarId: string, event: CalendarEventInput): Promise<EventRef | undefined> {
    let created: GraphEvent;
    try {
      created = (await this.request(client, inCalendar(client.base, calendarId)).post(toGraphCreate(event, calendarId))) as GraphEvent;
    } catch (error) {
      if (isDuplicateTransaction(error)) return undefined;
      throw error;
    }
    return toRef(showsEvent(created, event) ? created : await this.patch(client, created.id, event));
  }

  /**
   * Already gone (404) is success. Without a known id, or when the known one is gone (an
   * id can change on archive or export/import), the syncKey property finds our events.
   */
  async delete(accessToken: string, base: string, calendarId: string, syncKey: string, known?: EventRef): Promise<void> {
    const client: Caller = { client: this.graph.client(accessToken), base };
    if (known && (await this.deleteIfPresent(client, known.externalId))) return;
    for (const found of await this.findBySyncKey(client, calendarId, syncKey)) await this.deleteIfPresent(client, found.id);
  }

  /** True when Graph deleted it, false when it was not there (404). */
  private async deleteIfPresent(client: Caller, eventId: string): Promise<boolean> {
    try {
      await this.request(client, byId(client.base, eventId)).delete();
      return true;
    } catch (error) {
      if (isNotFound(error)) return false;
      throw error;
    }
  }

  private async patch(client: Caller, eventId: string, event: CalendarEventInput, ifMatch?: string): Promise<GraphEvent> {
    const request = this.request(client, byId(client.base, eventId));
    return (await (ifMatch ? request.header('If-Match', ifMatch) : request).patch(toGraphEvent(event))) as GraphEvent;
  }

  /** Our events carrying this syncKey in the calendar, oldest first (normally one, or none). */
  private async findBySyncKey(client: Caller, calendarId: string, syncKey: string): Promise<GraphEvent[]> {
    const page = (await this.request(client, inCalendar(client.base, calendarId)).filter(syncKeyFilter(syncKey)).top(MAX_MATCHES).get()) as GraphPage<GraphEvent>;
    return page.value;
  }

  private request(caller: Caller, url: string) {
    return caller.client.api(url).header('Prefer', IMMUTABLE_IDS).middlewareOptions(NO_RETRY);
  }
}
