// Owns which stored events a list page contains and in what order: full-list filters
// (showDeleted, window, updatedMin, q, extended properties, iCalUID), incremental-sync
// selection (every change after the token, deletions included) and the sort key paging uses.
import type { StoredEvent } from '../../core/types.js';
import type { ListQuery } from './list-query.js';
import type { SortKey } from './cursors.js';
import type { EventDateTime } from './event-times.js';
import { instantOf } from './event-times.js';
import { isRecurring } from '../recurrence/rules.js';
import { occurrencesBetween } from '../recurrence/instances.js';
import { windowOf } from '../recurrence/expand.js';

type Props = Record<string, Record<string, string> | undefined> | undefined;

function inWindow(ev: StoredEvent, tz: string, tmin?: number, tmax?: number): boolean {
  if (tmin === undefined && tmax === undefined) return true;
  // A recurring event (not expanded) is in the window when one of its instances is.
  if (isRecurring(ev.body) && !ev.deleted) {
    const w = windowOf(tmin, tmax, tmin ?? 0);
    return occurrencesBetween(ev.body, tz, w.fromMs, w.toMs).length > 0;
  }
  const start = instantOf(ev.body.start as EventDateTime, tz);
  const end = instantOf(ev.body.end as EventDateTime, tz);
  // timeMin filters by end, timeMax by start, both exclusive (events.list reference).
  return (tmin === undefined || end > tmin) && (tmax === undefined || start < tmax);
}

function propsMatch(ev: StoredEvent, scope: 'private' | 'shared', wanted: [string, string][]): boolean {
  const have = (ev.body.extendedProperties as Props)?.[scope] ?? {};
  // Repeated constraints must all match (discovery doc wording; the guide's OR reading differs).
  return wanted.every(([k, v]) => have[k] === v);
}

function textMatch(ev: StoredEvent, q: string): boolean {
  const hay = ['summary', 'description', 'location'].map((f) => String(ev.body[f] ?? '')).join('\n').toLowerCase();
  return q.toLowerCase().split(/\s+/).filter(Boolean).every((w) => hay.includes(w));
}

export function selectFull(events: StoredEvent[], q: ListQuery, tz: string): StoredEvent[] {
  return events.filter((ev) => {
    const updated = Date.parse(String(ev.body.updated));
    if (q.updatedMin !== undefined && updated < q.updatedMin) return false;
    // updatedMin: "entries deleted since this time will always be included regardless of showDeleted".
    // Cancelled instances "will still be included if showDeleted and singleEvents are both
    // False" (events.list reference, showDeleted).
    const cancelledInstance = ev.body.recurringEventId !== undefined && !q.singleEvents;
    if (ev.deleted && !q.showDeleted && q.updatedMin === undefined && !cancelledInstance) return false;
    if (!inWindow(ev, tz, q.timeMin, q.timeMax)) return false;
    if (q.q !== undefined && !textMatch(ev, q.q)) return false;
    if (!propsMatch(ev, 'private', q.privateProps) || !propsMatch(ev, 'shared', q.sharedProps)) return false;
    return q.iCalUID === undefined || ev.body.iCalUID === q.iCalUID;
  });
}

export function selectChanges(events: StoredEvent[], since: number, tz: string, tmin?: number, tmax?: number): StoredEvent[] {
  return events.filter((ev) => ev.changeSeq > since && (ev.deleted || inWindow(ev, tz, tmin, tmax)));
}

export function sortKeyFn(q: ListQuery, incremental: boolean, tz: string): (ev: StoredEvent) => SortKey {
  if (incremental) return (ev) => [ev.changeSeq, ev.id];
  if (q.orderBy === 'startTime') return (ev) => [instantOf(ev.body.start as EventDateTime, tz), ev.id];
  if (q.orderBy === 'updated') return (ev) => [Date.parse(String(ev.body.updated)), ev.id];
  return (ev) => [Date.parse(String(ev.body.created)), ev.id];
}
