// Owns the pure rule of a calendar's busy time: the single events (recurring ones expanded)
// that are not cancelled and not `transparency: transparent` ("does not block time on the
// calendar", events reference), clipped to the query window and merged where they overlap
// or touch, in start order.
import type { StoredEvent } from '../../core/types.js';
import { instantOf } from '../calendar/event-times.js';
import type { EventDateTime } from '../calendar/event-times.js';
import { singleEvents } from '../recurrence/expand.js';
import type { Window } from '../recurrence/expand.js';

export type Block = [start: number, end: number];

export function mergeBlocks(blocks: Block[]): Block[] {
  const sorted = [...blocks].sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const out: Block[] = [];
  for (const [s, e] of sorted) {
    const last = out[out.length - 1];
    if (last && s <= last[1]) last[1] = Math.max(last[1], e);
    else out.push([s, e]);
  }
  return out;
}

const blocksTime = (ev: StoredEvent): boolean => !ev.deleted && ev.body.status !== 'cancelled' && ev.body.transparency !== 'transparent';

/** Busy blocks of one calendar's events within the window. */
export function busyBlocks(events: StoredEvent[], calendarTz: string, w: Window): Block[] {
  const blocks: Block[] = [];
  for (const ev of singleEvents(events, calendarTz, w)) {
    if (!blocksTime(ev)) continue;
    const start = Math.max(instantOf(ev.body.start as EventDateTime, calendarTz), w.fromMs);
    const end = Math.min(instantOf(ev.body.end as EventDateTime, calendarTz), w.toMs);
    if (end > start) blocks.push([start, end]);
  }
  return mergeBlocks(blocks);
}
