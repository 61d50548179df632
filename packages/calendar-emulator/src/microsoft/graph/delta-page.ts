// Computes one page of a calendarView delta round from the stored events: pure.
// Rules (graph/api/event-delta, delta-query-events): first round lists live events in the
// window; later rounds list every change since the last deltaLink, with deleted events and
// events changed to fall outside the window as `@removed: {reason: "deleted"}`.
// Pages hold at most `pageSize` items and may be empty while a nextLink still follows.
import type { DeltaCursor } from './delta-token.js';
import type { GraphEventRecord } from './event-record.js';

export interface DeltaSource {
  rec: GraphEventRecord;
  deleted: boolean;
  changeSeq: number;
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
export function alreadySent(sources: DeltaSource[], c: DeltaCursor): DeltaSource[] {
  return sources.filter((s) => s.rec.calendarId === c.calendarId && s.changeSeq > c.sinceSeq && s.changeSeq <= c.afterSeq
    && !s.deleted && overlapsWindow(s.rec, c.startMs, c.endMs));
}

export function deltaPage(sources: DeltaSource[], c: DeltaCursor, pageSize: number): DeltaPage {
  const pending = sources
    .filter((s) => s.rec.calendarId === c.calendarId && s.changeSeq > Math.max(c.sinceSeq, c.afterSeq) && s.changeSeq <= c.untilSeq)
    .sort((a, b) => a.changeSeq - b.changeSeq);
  const items: DeltaItem[] = [];
  let lastSeq = c.afterSeq;
  let consumed = 0;
  for (const s of pending) {
    if (consumed >= pageSize) break;
    consumed++;
    lastSeq = s.changeSeq;
    const inWindow = !s.deleted && overlapsWindow(s.rec, c.startMs, c.endMs);
    if (inWindow) items.push({ kind: 'upsert', rec: s.rec });
    else if (!c.initial) items.push({ kind: 'removed', rec: s.rec });
  }
  if (consumed < pending.length) return { items, next: { ...c, afterSeq: lastSeq } };
  return { items, done: { ...c, sinceSeq: c.untilSeq, afterSeq: c.untilSeq, initial: false } };
}
