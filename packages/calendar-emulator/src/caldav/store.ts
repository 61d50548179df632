// Owns the calendar object resources of the CalDAV side in the shared emulator state: one
// StoredEvent per resource (provider 'caldav', id = resource name, body = the iCalendar text
// as PUT, its UID, ETag and a summary for the viewer). A DELETE leaves a tombstone
// (`deleted`) so sync-collection (RFC 6578) can report the removal. Every write takes the
// next global change number: it drives ETags, getctag and sync tokens.
import { createHash } from 'node:crypto';
import type { Calendar, EmulatorState, StoredEvent } from '../core/types.js';
import { eventKey, nextChangeSeq } from '../core/state.js';
import type { ParsedObject } from './icalendar.js';

export interface CalDavObjectBody {
  ics: string;
  uid: string;
  etag: string;
  /** For the viewer page only. */
  summary: string;
  start: string;
  end: string;
  [key: string]: unknown;
}

export const bodyOf = (event: StoredEvent) => event.body as CalDavObjectBody;

export function findObject(state: EmulatorState, calendar: Calendar, name: string): StoredEvent | undefined {
  const event = state.events.get(eventKey('caldav', calendar.id, name));
  return event && !event.deleted ? event : undefined;
}

/** Live and deleted resources of a calendar (sync-collection needs the tombstones). */
export function objectsOf(state: EmulatorState, calendar: Calendar, withDeleted = false): StoredEvent[] {
  return [...state.events.values()].filter((e) => e.provider === 'caldav' && e.calendarId === calendar.id && (withDeleted || !e.deleted));
}

export function writeObject(state: EmulatorState, calendar: Calendar, name: string, ics: string, parsed: ParsedObject): StoredEvent {
  const changeSeq = nextChangeSeq(state);
  // Strong ETag: changes with every write, even of the same text (RFC 4918 §8.6).
  const etag = `"${changeSeq}-${createHash('sha256').update(ics).digest('hex').slice(0, 12)}"`;
  const body: CalDavObjectBody = { ics, uid: parsed.uid, etag, summary: parsed.summary, start: parsed.start, end: parsed.end };
  const event: StoredEvent = { provider: 'caldav', calendarId: calendar.id, id: name, deleted: false, changeSeq, body };
  state.events.set(eventKey('caldav', calendar.id, name), event);
  return event;
}

export function deleteObject(state: EmulatorState, event: StoredEvent): void {
  event.deleted = true;
  event.changeSeq = nextChangeSeq(state);
}

/** Highest change number in the calendar (tombstones included): its ctag and sync token. */
export function calendarVersion(state: EmulatorState, calendar: Calendar): number {
  return objectsOf(state, calendar, true).reduce((max, e) => Math.max(max, e.changeSeq), 0);
}

/** RFC 6578 §3.2: a sync token is a URI; ours carries the change number it covers. */
export const SYNC_TOKEN_PREFIX = 'http://calendar-emulator.invalid/sync/';
export const syncToken = (state: EmulatorState, calendar: Calendar) => `${SYNC_TOKEN_PREFIX}${calendarVersion(state, calendar)}`;
