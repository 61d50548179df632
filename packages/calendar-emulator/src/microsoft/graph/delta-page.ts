// Computes one page of a calendarView delta round from the stored events: pure.
// Rules (graph/api/event-delta, delta-query-events): first round lists live events in the
// window; later rounds list every change since the last deltaLink, with deleted events and
// events changed to fall outside the window as `@removed: {reason: "deleted"}`.
// Pages hold at most `pageSize` items and may be empty while a nextLink still follows.
// The items of a recurring series are its occurrences and exceptions (calendarView delta lists
// instances, never the series master); several share one change number, so a page boundary
// is (change number, key).
import type { DeltaCursor } from './delta-token.js';
import type { GraphEventRecord } from './event-record.js';

export interface DeltaSource {
  rec: GraphEventRecord;
  deleted: boolean;
  changeSeq: number;
  /** Unique within a round: the event id, plus the original start for an occurrence. */
  key: string;
}

export type DeltaItem = { kind: 'upsert'; rec: GraphEventRecord } | { kind: 'removed'; rec: GraphEventRecord };

export interface DeltaPage {
  items: DeltaItem[];
  /** Cursor for the nextLink, or undefined when the round is complete (deltaLink). */
  next?: DeltaCursor;
  /** Cursor for the deltaLink when the round is complete. */
  done?: DeltaCursor;
}

export function overlapsWindow(rec: Pick<GraphEventRecord, 'startMs' | 'endMs'>, startMs: number, endMs: number): boolean {
  if (rec.startMs === rec.endMs) return rec.startMs >= startMs && rec.startMs < endMs;
  return rec.startMs < endMs && rec.endMs > startMs;
}

/** Items of the round already paged out before this page: candidates for a replay. */
const after = (s: DeltaSource, c: DeltaCursor) => s.changeSeq > c.afterSeq || (s.changeSeq === c.afterSeq && c.afterKey !== undefined && s.key > c.afterKey);
const byPosition = (a: DeltaSource, b: DeltaSource) => a.changeSeq - b.changeSeq || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);

export function alreadySent(sources: DeltaSource[], c: DeltaCursor): DeltaSource[] {
  return sources.filter((s) => s.rec.calendarId === c.calendarId && s.changeSeq > c.sinceSeq && !after(s, c)
    && !s.deleted && overlapsWindow(s.rec, c.startMs, c.endMs));
}

export function deltaPage(sources: DeltaSource[], c: DeltaCursor, pageSize: number): DeltaPage {
  const pending = sources
    .filter((s) => s.rec.calendarId === c.calendarId && s.changeSeq > c.sinceSeq && after(s, c) && s.changeSeq <= c.untilSeq)
    .sort(byPosition);
  const items: DeltaItem[] = [];
  let lastSeq = c.afterSeq;
  let lastKey = c.afterKey;
  let consumed = 0;
  for (const s of pending) {
    if (consumed >= pageSize) break;
    consumed++;
    lastSeq = s.changeSeq;
    lastKey = s.key;
    const inWindow = !s.deleted && overlapsWindow(s.rec, c.startMs, c.endMs);
    if (inWindow) items.push({ kind: 'upsert', rec: s.rec });
    else if (!c.initial) items.push({ kind: 'removed', rec: s.rec });
  }
  if (consumed < pending.length) return { items, next: { ...c, afterSeq: lastSeq, ...(lastKey !== undefined ? { afterKey: lastKey } : {}) } };
  const { afterKey: _k, ...rest } = c;
  return { items, done: { ...rest, sinceSeq: c.untilSeq, afterSeq: c.untilSeq, initial: false } };
}
