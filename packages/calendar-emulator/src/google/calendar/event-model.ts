// Owns the pure rules of a Google event resource (provider-apis.md A2.2-A2.3): client id
// format, read-only fields, patch merge (objects merged, arrays replaced, null deletes, so
// extendedProperties merge per key) vs update replacement, sequence and etag bookkeeping.
import { gerr } from '../errors.js';
import { normalizeTimes, renderIn } from './event-times.js';
import type { EventDateTime } from './event-times.js';
import { isoMs } from './time.js';
import { checkRecurrence } from '../recurrence/rules.js';

export type EventBody = Record<string, unknown>;

/** base32hex (a-v, 0-9), 5-1024 chars: RFC 2938 §3.1.2 as the events reference states. */
export const VALID_EVENT_ID = /^[a-v0-9]{5,1024}$/;

const READ_ONLY = ['kind', 'etag', 'id', 'htmlLink', 'created', 'updated', 'creator', 'organizer', 'iCalUID', 'recurringEventId', 'originalStartTime', 'eventType'];

function writable(input: EventBody): EventBody {
  const out: EventBody = {};
  for (const [k, v] of Object.entries(input)) if (!READ_ONLY.includes(k)) out[k] = v;
  return out;
}

const isPlainObject = (v: unknown): v is Record<string, unknown> => !!v && typeof v === 'object' && !Array.isArray(v);

/** Google patch semantics: nested objects merge, arrays replace wholesale, null deletes. */
export function mergePatch(target: EventBody, patch: EventBody): EventBody {
  const out: EventBody = { ...target };
  for (const [k, v] of Object.entries(patch)) {
    if (v === null) delete out[k];
    else if (isPlainObject(v) && isPlainObject(out[k])) out[k] = mergePatch(out[k] as EventBody, v);
    else out[k] = v;
  }
  return out;
}

function checkExtendedProperties(ep: unknown): void {
  if (ep === undefined) return;
  if (!isPlainObject(ep)) throw gerr.invalid('Invalid extendedProperties value.');
  for (const scope of ['private', 'shared']) {
    const m = ep[scope];
    if (m === undefined) continue;
    if (!isPlainObject(m) || Object.values(m).some((x) => typeof x !== 'string')) {
      throw gerr.invalid(`Invalid extendedProperties.${scope} value.`);
    }
  }
}

export const makeEtag = (now: number, changeSeq: number): string => `"${BigInt(now) * 1000n + BigInt(changeSeq % 1000)}"`;

export interface NewEventContext {
  id: string;
  calendarId: string;
  calendarTz: string;
  ownerEmail: string;
  now: number;
  changeSeq: number;
}

export function buildNewEvent(input: EventBody, c: NewEventContext): EventBody {
  const base = writable(input);
  checkExtendedProperties(base.extendedProperties);
  checkRecurrence(base.recurrence);
  const times = normalizeTimes(base, c.calendarTz);
  const status = base.status === 'tentative' ? 'tentative' : 'confirmed';
  return {
    kind: 'calendar#event',
    etag: makeEtag(c.now, c.changeSeq),
    id: c.id,
    htmlLink: `https://www.google.com/calendar/event?eid=${Buffer.from(`${c.id} ${c.calendarId}`).toString('base64url')}`,
    created: isoMs(c.now),
    updated: isoMs(c.now),
    ...base,
    status,
    creator: { email: c.ownerEmail, self: true },
    organizer: { email: c.calendarId, self: true },
    start: times.start,
    end: times.end,
    iCalUID: `${c.id}@google.com`,
    sequence: typeof base.sequence === 'number' ? base.sequence : 0,
    reminders: base.reminders ?? { useDefault: true },
    eventType: typeof input.eventType === 'string' ? input.eventType : 'default',
  };
}

const timesKey = (e: EventBody) => JSON.stringify([e.start, e.end]);

function onlyRemindersChanged(a: EventBody, b: EventBody): boolean {
  const strip = ({ reminders: _r, etag: _e, updated: _u, ...rest }: EventBody) => JSON.stringify(rest);
  return strip(a) === strip(b);
}

/** Patch (merge) or update (replace) an existing event; validates and bumps sequence/etag. */
export function applyChange(existing: EventBody, input: EventBody, mode: 'patch' | 'update', calendarTz: string, now: number, changeSeq: number): EventBody {
  if (input.eventType !== undefined && input.eventType !== existing.eventType) throw gerr.invalid('Event type cannot be changed.');
  const fixed: EventBody = {};
  for (const k of READ_ONLY) if (existing[k] !== undefined) fixed[k] = existing[k];
  const body = writable(input);
  const merged = mode === 'patch' ? { ...mergePatch(existing, body), ...fixed } : { ...fixed, ...body };
  // Checked after merging: in a patch, `null` is how a key is deleted.
  checkExtendedProperties(merged.extendedProperties);
  // An instance (exception) belongs to its series: it never carries a rule of its own.
  if (merged.recurringEventId !== undefined) delete merged.recurrence;
  checkRecurrence(merged.recurrence);
  const times = normalizeTimes(merged, calendarTz);
  merged.start = times.start;
  merged.end = times.end;
  const current = typeof existing.sequence === 'number' ? existing.sequence : 0;
  const given = typeof body.sequence === 'number' ? body.sequence : undefined;
  if (given !== undefined && given < current) {
    throw gerr.invalid('Invalid sequence value. The specified sequence number is below the current sequence number of the resource.');
  }
  const base = Math.max(given ?? current, current);
  merged.sequence = timesKey(merged) !== timesKey(existing) && base === current ? current + 1 : base;
  if (merged.status === undefined || !['confirmed', 'tentative', 'cancelled'].includes(merged.status as string)) merged.status = 'confirmed';
  if (merged.reminders === undefined) merged.reminders = { useDefault: true };
  // Google does not bump `updated` for reminder-only changes (events reference, `updated`).
  merged.updated = onlyRemindersChanged(existing, merged) ? existing.updated : isoMs(now);
  merged.etag = makeEtag(now, changeSeq);
  return merged;
}

/**
 * What incremental sync and showDeleted lists show of a deleted event. A cancelled instance
 * also names its series and slot ("only guaranteed to have values for the id,
 * recurringEventId and originalStartTime fields", events reference `status`).
 */
export function tombstoneView(e: EventBody): EventBody {
  const instance = e.recurringEventId !== undefined ? { recurringEventId: e.recurringEventId, originalStartTime: e.originalStartTime } : {};
  return { kind: 'calendar#event', etag: e.etag, id: e.id, status: 'cancelled', ...instance };
}

/** A list item: tombstones reduced, times rendered in the list's `timeZone` when given. */
export function listItemView(deleted: boolean, body: EventBody, tz?: string): EventBody {
  if (deleted) return tombstoneView(body);
  if (!tz) return body;
  return { ...body, start: renderIn(body.start as EventDateTime, tz), end: renderIn(body.end as EventDateTime, tz) };
}
