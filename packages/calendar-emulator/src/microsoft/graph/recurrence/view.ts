// Owns how stored events turn into what time-window views list: single events as they are,
// series masters expanded into their occurrences and exceptions (calendarView, getSchedule),
// and the delta sources of one calendar (instances with their own change numbers; cancelled
// occurrences and the instances of a deleted series as deletions). Pure.
// Source: graph/api/user-list-calendarview, delta-query-events ("occurrences and exceptions").
import type { StoredEvent } from '../../../core/types.js';
import type { DeltaSource } from '../delta-page.js';
import { overlapsWindow } from '../delta-page.js';
import type { GraphEventRecord } from '../event-record.js';
import { cancelledInstances, instanceSeq, seriesInstances } from './instances.js';

const rec = (e: StoredEvent) => e.body as unknown as GraphEventRecord;
const instanceKey = (r: GraphEventRecord) => `${r.id}|${r.instance?.originalStartMs ?? ''}`;

/** Live items of `calendarId` overlapping [fromMs, toMs): singles and series instances, by start. */
export function viewRecords(events: StoredEvent[], calendarId: string, fromMs: number, toMs: number): GraphEventRecord[] {
  const out: GraphEventRecord[] = [];
  for (const e of events) {
    if (e.deleted || e.calendarId !== calendarId) continue;
    const r = rec(e);
    if (r.recurrence) out.push(...seriesInstances(r, fromMs, toMs));
    else if (overlapsWindow(r, fromMs, toMs)) out.push(r);
  }
  return out.sort((a, b) => a.startMs - b.startMs || a.id.localeCompare(b.id));
}

/** Items of earlier layouts that the current one no longer has: removed at the last series write. */
function retiredSources(r: GraphEventRecord, current: Set<string>, seq: number, fromMs: number, toMs: number): DeltaSource[] {
  const out: DeltaSource[] = [];
  for (const slot of r.retiredSlots ?? []) {
    const old: GraphEventRecord = { ...r, ...slot, exceptions: undefined };
    const items = slot.recurrence ? seriesInstances(old, fromMs, toMs) : [old];
    for (const item of items) {
      const key = instanceKey(item);
      if (!current.has(key)) out.push({ rec: item, deleted: true, changeSeq: seq, key });
    }
  }
  return out;
}

/** Delta sources for the window: what deltaPage pages over. */
export function deltaSources(events: StoredEvent[], fromMs: number, toMs: number): DeltaSource[] {
  const out: DeltaSource[] = [];
  for (const e of events) {
    const r = rec(e);
    const mine: DeltaSource[] = r.recurrence
      ? seriesInstances(r, fromMs, toMs).map((inst) => ({
        rec: inst, deleted: e.deleted, key: instanceKey(inst),
        changeSeq: e.deleted ? e.changeSeq : instanceSeq(r, e.changeSeq, inst.instance!.originalStartMs),
      }))
      : [{ rec: r, deleted: e.deleted, changeSeq: e.changeSeq, key: instanceKey(r) }];
    out.push(...mine);
    if (!e.deleted) out.push(...retiredSources(r, new Set(mine.map((m) => m.key)), r.seriesSeq ?? e.changeSeq, fromMs, toMs));
    if (!r.recurrence) continue;
    for (const c of cancelledInstances(r, fromMs, toMs)) {
      out.push({ rec: c.rec, deleted: true, changeSeq: e.deleted ? e.changeSeq : c.seq, key: instanceKey(c.rec) });
    }
  }
  return out;
}
