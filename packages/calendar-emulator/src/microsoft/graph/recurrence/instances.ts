// Owns the occurrences of a series master as the rest of Graph sees them: their ids (the
// master's id plus the original start, so either id form of the master gives the matching
// occurrence id form), the instance records (the master's properties, overridden by what was
// changed on that one occurrence: an `exception`), cancelled occurrences, and the change
// number of each instance (what delta pages on). Pure.
// Source: graph/api/resources/event (type, seriesMasterId, originalStart), event-list-instances.
import type { GraphEventRecord, OccurrenceOverride } from '../event-record.js';
import { occurrenceStarts } from './expand.js';

const OCC = /^(.+=)OID([0-9a-z]+)$/;

export const occurrenceId = (masterId: string, originalStartMs: number) => `${masterId}OID${originalStartMs.toString(36)}`;

export function parseOccurrenceId(id: string): { masterId: string; originalStartMs: number } | undefined {
  const m = OCC.exec(id);
  return m ? { masterId: m[1], originalStartMs: parseInt(m[2], 36) } : undefined;
}

/** Properties one occurrence may carry apart from its series (PATCH on an occurrence). */
export const OVERRIDABLE = ['subject', 'body', 'startMs', 'endMs', 'isAllDay', 'location', 'showAs', 'categories', 'attendees',
  'importance', 'sensitivity', 'isReminderOn', 'reminderMinutesBeforeStart'] as const;

export function pickOverridable(rec: GraphEventRecord): OccurrenceOverride['fields'] {
  const out: Record<string, unknown> = {};
  for (const k of OVERRIDABLE) out[k] = structuredClone(rec[k]);
  return out as OccurrenceOverride['fields'];
}

/** The record of the occurrence that originally starts at `originalStartMs`. */
export function instanceRecord(master: GraphEventRecord, originalStartMs: number): GraphEventRecord {
  const o = master.exceptions?.[String(originalStartMs)];
  const base: GraphEventRecord = {
    ...structuredClone(master), startMs: originalStartMs, endMs: originalStartMs + (master.endMs - master.startMs),
    recurrence: undefined, exceptions: undefined,
    instance: { originalStartMs, exception: Boolean(o && !o.cancelled) },
  };
  if (!o) return base;
  return { ...base, ...structuredClone(o.fields), changeKey: o.changeKey, modifiedMs: o.modifiedMs };
}

/** Whether `originalStartMs` is an occurrence of the series (cancelled ones included). */
export function isOccurrence(master: GraphEventRecord, originalStartMs: number): boolean {
  if (!master.recurrence) return false;
  return occurrenceStarts(master.recurrence, master.startMs, master.originalStartTimeZone, originalStartMs, originalStartMs).includes(originalStartMs);
}

const overlaps = (r: GraphEventRecord, from: number, to: number) => (r.startMs === r.endMs ? r.startMs >= from && r.startMs < to : r.startMs < to && r.endMs > from);
// Exceptions may be moved away from their original slot; look that far around the window.
const MOVE_MARGIN_MS = 7 * 86_400_000;

/** Live occurrences and exceptions overlapping [fromMs, toMs), by start. */
export function seriesInstances(master: GraphEventRecord, fromMs: number, toMs: number): GraphEventRecord[] {
  if (!master.recurrence) return [];
  return occurrenceStarts(master.recurrence, master.startMs, master.originalStartTimeZone, fromMs - MOVE_MARGIN_MS, toMs + MOVE_MARGIN_MS)
    .filter((k) => !master.exceptions?.[String(k)]?.cancelled)
    .map((k) => instanceRecord(master, k))
    .filter((r) => overlaps(r, fromMs, toMs))
    .sort((a, b) => a.startMs - b.startMs);
}

/** Cancelled occurrences whose original slot overlaps the window (delta reports them as removed). */
export function cancelledInstances(master: GraphEventRecord, fromMs: number, toMs: number): Array<{ rec: GraphEventRecord; seq: number }> {
  return Object.entries(master.exceptions ?? {})
    .filter(([, o]) => o.cancelled)
    .map(([k, o]) => ({ rec: instanceRecord(master, Number(k)), seq: o.seq }))
    .filter(({ rec }) => overlaps({ ...rec, startMs: rec.instance!.originalStartMs, endMs: rec.instance!.originalStartMs + (master.endMs - master.startMs) }, fromMs, toMs));
}

/** Change number of one instance: the last series-level write, or the last write to that occurrence. */
export function instanceSeq(master: GraphEventRecord, storedSeq: number, originalStartMs: number): number {
  return Math.max(master.seriesSeq ?? storedSeq, master.exceptions?.[String(originalStartMs)]?.seq ?? 0);
}
