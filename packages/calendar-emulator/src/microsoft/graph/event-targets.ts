// Owns writes addressed by an id that may name one occurrence of a series: the id resolves
// to a target (a stored event, plus the occurrence's original start). PATCH on an occurrence
// makes it an `exception`; DELETE or cancel removes that one occurrence from the expansion;
// on a series master or a single event they act on the stored event (event-store.ts).
// Sources: graph/api/event-update, event-delete, event-cancel, resources/event.
import type { EmulatorContext } from '../../core/context.js';
import type { StoredEvent } from '../../core/types.js';
import { emitEventChange } from './event-changes.js';
import { applyProperties, newChangeKey, type GraphEventRecord } from './event-record.js';
import { assertWritable, calendarOwner, checkIfMatch, deleteEvent, findCalendar, findEvent, patchEvent, recordOf, storeRecord } from './event-store.js';
import { graphErrors } from './graph-error.js';
import { instanceRecord, isOccurrence, parseOccurrenceId, pickOverridable } from './recurrence/instances.js';

export interface Target {
  event: StoredEvent;
  /** Original start of the addressed occurrence; undefined = the stored event itself. */
  occurrenceStartMs?: number;
}

/** Resolves an event or occurrence id; 404 ErrorItemNotFound when unknown, deleted or cancelled. */
export function findTarget(ctx: EmulatorContext, email: string, id: string, calendarId?: string): Target {
  const occ = parseOccurrenceId(id);
  if (!occ) return { event: findEvent(ctx, email, id, calendarId) };
  const master = findEvent(ctx, email, occ.masterId, calendarId);
  const rec = recordOf(master);
  if (!isOccurrence(rec, occ.originalStartMs) || rec.exceptions?.[String(occ.originalStartMs)]?.cancelled) throw graphErrors.notFound();
  return { event: master, occurrenceStartMs: occ.originalStartMs };
}

/** The record a target stands for (an occurrence's own record, or the stored one). */
export const targetRecord = (t: Target): GraphEventRecord =>
  t.occurrenceStartMs === undefined ? recordOf(t.event) : instanceRecord(recordOf(t.event), t.occurrenceStartMs);

function writeOccurrence(ctx: EmulatorContext, t: Target, change: (inst: GraphEventRecord) => { cancelled: boolean }): StoredEvent {
  const k = t.occurrenceStartMs!;
  assertWritable(findCalendar(ctx, calendarOwner(ctx, t.event), t.event.calendarId));
  const inst = targetRecord(t);
  const { cancelled } = change(inst);
  const master = structuredClone(recordOf(t.event));
  const override = { cancelled, fields: pickOverridable(inst), changeKey: newChangeKey(), modifiedMs: ctx.clock.now(), seq: 0 };
  master.exceptions = { ...master.exceptions, [String(k)]: override };
  const stored = storeRecord(ctx, master, false, false);
  override.seq = stored.changeSeq;
  emitEventChange(ctx, { changeType: cancelled ? 'deleted' : 'updated', email: calendarOwner(ctx, stored), calendarId: stored.calendarId, event: stored, occurrenceStartMs: k });
  return stored;
}

export function patchTarget(ctx: EmulatorContext, t: Target, body: Record<string, unknown>, ifMatch?: string): Target {
  if (t.occurrenceStartMs === undefined) return { event: patchEvent(ctx, t.event, body, ifMatch) };
  checkIfMatch(targetRecord(t), ifMatch);
  if ('recurrence' in body || 'transactionId' in body) {
    throw graphErrors.badRequest('The recurrence of an occurrence cannot be changed; update the series master.', 'ErrorInvalidRequest');
  }
  const event = writeOccurrence(ctx, t, (inst) => {
    applyProperties(inst, body);
    return { cancelled: false };
  });
  return { event, occurrenceStartMs: t.occurrenceStartMs };
}

export function deleteTarget(ctx: EmulatorContext, t: Target, ifMatch?: string): void {
  if (t.occurrenceStartMs === undefined) return deleteEvent(ctx, t.event, ifMatch);
  checkIfMatch(targetRecord(t), ifMatch);
  writeOccurrence(ctx, t, () => ({ cancelled: true }));
}
