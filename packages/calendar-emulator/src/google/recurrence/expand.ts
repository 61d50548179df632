// Owns turning a calendar's stored events into single events (events.list `singleEvents=true`,
// events.instances, freeBusy): a live recurring event becomes its instances in a window,
// each one either untouched (built from the master) or the stored exception with that id;
// exceptions of a deleted series vanish with it; other events pass through. Cancelled
// instances stay in the result (as stored exceptions): the caller decides whether to show them.
import type { StoredEvent } from '../../core/types.js';
import { isRecurring } from './rules.js';
import { DEFAULT_HORIZON_MS, instanceId, occurrencesBetween, virtualInstance } from './instances.js';

export interface Window {
  fromMs: number;
  toMs: number;
}

/** The window a query asks for; without timeMax, a bounded horizon past its start (or now). */
export function windowOf(timeMin: number | undefined, timeMax: number | undefined, now: number): Window {
  return { fromMs: timeMin ?? 0, toMs: timeMax ?? Math.max(timeMin ?? 0, now) + DEFAULT_HORIZON_MS };
}

/** The untouched instances of one live series in the window (stored exceptions excluded). */
export function untouchedInstances(master: StoredEvent, byId: Map<string, StoredEvent>, calendarTz: string, w: Window): StoredEvent[] {
  return occurrencesBetween(master.body, calendarTz, w.fromMs, w.toMs)
    .filter((o) => !byId.has(instanceId(master.id, o.stamp)))
    .map((o) => ({ ...master, id: instanceId(master.id, o.stamp), deleted: false, body: virtualInstance(master.body, o) }));
}

const seriesAlive = (ev: StoredEvent, byId: Map<string, StoredEvent>): boolean => {
  const master = byId.get(String(ev.body.recurringEventId));
  return !!master && !master.deleted;
};

/** Every single event of `events` (one calendar) that may fall in the window. */
export function singleEvents(events: StoredEvent[], calendarTz: string, w: Window): StoredEvent[] {
  const byId = new Map(events.map((e) => [e.id, e]));
  return events.flatMap((ev) => {
    if (ev.body.recurringEventId !== undefined) return seriesAlive(ev, byId) ? [ev] : [];
    if (!isRecurring(ev.body)) return [ev];
    return ev.deleted ? [] : untouchedInstances(ev, byId, calendarTz, w);
  });
}

/**
 * Incremental sync with `singleEvents=true`: a changed live series is reported as its
 * instances (untouched ones carry the series' change number), a changed exception as itself,
 * a deleted series as its own cancelled entry.
 */
export function expandChanges(changed: StoredEvent[], all: StoredEvent[], calendarTz: string, w: Window): StoredEvent[] {
  const byId = new Map(all.map((e) => [e.id, e]));
  return changed.flatMap((ev) => (isRecurring(ev.body) && !ev.deleted ? untouchedInstances(ev, byId, calendarTz, w) : [ev]));
}
