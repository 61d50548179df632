// Owns reading and writing Graph events in core's shared state (`ctx.state.events`, key =
// immutable id): lookup by either id form, create with transactionId idempotency, patch,
// delete (kept as a tombstone so delta can report `@removed`), and moving between calendars
// (what changes the default REST id). Every write takes a new global change number and
// emits one change signal (event-changes.ts): this is the one write path for API calls,
// batch inner calls and the owner's Outlook edits (control API).
import type { EmulatorContext } from '../../core/context.js';
import { calendarsOf, eventKey, nextChangeSeq } from '../../core/state.js';
import type { Calendar, StoredEvent } from '../../core/types.js';
import { emitEventChange } from './event-changes.js';
import { createRecord, newChangeKey, patchRecord, type GraphEventRecord } from './event-record.js';
import { restIdOf } from './event-view.js';
import { graphErrors, GraphHttpError } from './graph-error.js';
import { msState } from '../state.js';

export const recordOf = (e: StoredEvent) => e.body as unknown as GraphEventRecord;

export function userCalendars(ctx: EmulatorContext, email: string): Calendar[] {
  return calendarsOf(ctx.state, 'microsoft', email);
}

export function findCalendar(ctx: EmulatorContext, email: string, calendarId: string): Calendar {
  const cal = userCalendars(ctx, email).find((c) => c.id === calendarId);
  if (!cal) throw graphErrors.notFound();
  return cal;
}

export function primaryCalendar(ctx: EmulatorContext, email: string): Calendar {
  const cal = userCalendars(ctx, email).find((c) => c.primary);
  if (!cal) throw graphErrors.notFound();
  return cal;
}

/** Every stored event (tombstones too) of the user's calendars. */
export function userEvents(ctx: EmulatorContext, email: string): StoredEvent[] {
  const ids = new Set(userCalendars(ctx, email).map((c) => c.id));
  return [...ctx.state.events.values()].filter((e) => e.provider === 'microsoft' && ids.has(e.calendarId));
}

/** Live event by immutable or current REST id; 404 ErrorItemNotFound when unknown or deleted. */
export function findEvent(ctx: EmulatorContext, email: string, id: string, calendarId?: string): StoredEvent {
  const hit = userEvents(ctx, email).find(
    (e) => !e.deleted && (calendarId === undefined || e.calendarId === calendarId) && (e.id === id || restIdOf(recordOf(e)) === id),
  );
  if (!hit) throw graphErrors.notFound();
  return hit;
}

export function assertWritable(cal: Calendar): void {
  if (!cal.canWrite) throw graphErrors.accessDenied();
}

/**
 * Writes a record under a new change number. `seriesLevel` false = only one occurrence of a
 * series changed (its override carries the number, see recurrence/instances.ts).
 */
export function storeRecord(ctx: EmulatorContext, rec: GraphEventRecord, deleted = false, seriesLevel = true): StoredEvent {
  const e: StoredEvent = {
    provider: 'microsoft', calendarId: rec.calendarId, id: rec.id, deleted,
    changeSeq: nextChangeSeq(ctx.state), body: rec as unknown as Record<string, unknown>,
  };
  if (seriesLevel) rec.seriesSeq = e.changeSeq;
  ctx.state.events.set(eventKey('microsoft', rec.calendarId, rec.id), e);
  return e;
}
const store = storeRecord;

/** POST: a repeated transactionId returns the existing event (or 409, per setting). */
export function createEvent(ctx: EmulatorContext, cal: Calendar, body: Record<string, unknown>): { event: StoredEvent; created: boolean } {
  assertWritable(cal);
  const tx = typeof body.transactionId === 'string' ? body.transactionId : undefined;
  if (tx) {
    const dup = userEvents(ctx, cal.ownerEmail).find((e) => !e.deleted && recordOf(e).transactionId === tx);
    if (dup) {
      if (msState(ctx).duplicateTransactionId === 'conflict') {
        throw new GraphHttpError(409, 'ErrorDuplicateTransactionId', `An event with transactionId '${tx}' already exists.`);
      }
      return { event: dup, created: false };
    }
  }
  const event = store(ctx, createRecord(cal.id, body, ctx.clock.now()));
  emitEventChange(ctx, { changeType: 'created', email: cal.ownerEmail, calendarId: cal.id, event });
  return { event, created: true };
}

/** If-Match: `*`, or the current `@odata.etag` (with or without W/). */
export function checkIfMatch(rec: GraphEventRecord, ifMatch: string | undefined): void {
  if (!ifMatch || ifMatch.trim() === '*') return;
  const tags = ifMatch.split(',').map((t) => t.trim().replace(/^W\//, '').replace(/^"(.*)"$/, '$1'));
  if (!tags.includes(rec.changeKey)) throw graphErrors.conflict();
}

export function patchEvent(ctx: EmulatorContext, e: StoredEvent, body: Record<string, unknown>, ifMatch?: string): StoredEvent {
  assertWritable(findCalendar(ctx, calendarOwner(ctx, e), e.calendarId));
  checkIfMatch(recordOf(e), ifMatch);
  // Patch a copy so a rejected body leaves the stored event untouched.
  const next = structuredClone(recordOf(e));
  patchRecord(next, body, ctx.clock.now());
  const event = store(ctx, next);
  emitEventChange(ctx, { changeType: 'updated', email: calendarOwner(ctx, e), calendarId: e.calendarId, event });
  return event;
}

export function deleteEvent(ctx: EmulatorContext, e: StoredEvent, ifMatch?: string): void {
  assertWritable(findCalendar(ctx, calendarOwner(ctx, e), e.calendarId));
  checkIfMatch(recordOf(e), ifMatch);
  const event = store(ctx, recordOf(e), true);
  emitEventChange(ctx, { changeType: 'deleted', email: calendarOwner(ctx, e), calendarId: e.calendarId, event });
}

/** Outlook-side move (e.g. the user drags the item): tombstone in the old calendar, new REST id. */
export function moveEvent(ctx: EmulatorContext, e: StoredEvent, target: Calendar): StoredEvent {
  const email = calendarOwner(ctx, e);
  const gone = store(ctx, recordOf(e), true);
  emitEventChange(ctx, { changeType: 'deleted', email, calendarId: e.calendarId, event: gone });
  const moved = { ...structuredClone(recordOf(e)), calendarId: target.id, moveCount: recordOf(e).moveCount + 1, changeKey: newChangeKey(), modifiedMs: ctx.clock.now() };
  const event = store(ctx, moved);
  emitEventChange(ctx, { changeType: 'created', email, calendarId: target.id, event });
  return event;
}

export function calendarOwner(ctx: EmulatorContext, e: StoredEvent): string {
  const cal = ctx.state.calendars.find((c) => c.provider === 'microsoft' && c.id === e.calendarId);
  if (!cal) throw graphErrors.notFound();
  return cal.ownerEmail;
}
