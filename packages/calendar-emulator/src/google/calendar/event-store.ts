// Owns the one write path of Google events, shared by the Calendar v3 routes and the
// control calls that play the account owner in their calendar app: each write takes a new
// change number (sync tokens), a new etag/updated/sequence (event-model), and fires the
// push channels of the calendar. Also resolves an id to a stored event or, for an
// untouched instance of a recurring event, to that instance (writing it makes an exception).
import type { EmulatorContext } from '../../core/context.js';
import type { Calendar, StoredEvent } from '../../core/types.js';
import { eventKey, nextChangeSeq } from '../../core/state.js';
import { randomBase32Hex } from '../../core/ids.js';
import { gerr } from '../errors.js';
import { applyChange, buildNewEvent, makeEtag, VALID_EVENT_ID } from './event-model.js';
import type { EventBody } from './event-model.js';
import { isoMs } from './time.js';
import { notifyCalendarChanged } from '../push/channels.js';
import { isRetired } from '../settings.js';
import { isRecurring } from '../recurrence/rules.js';
import { occurrenceByStamp, splitInstanceId, virtualInstance } from '../recurrence/instances.js';

const taken = (ctx: EmulatorContext, cal: Calendar, id: string): boolean => ctx.state.events.has(eventKey('google', cal.id, id)) || isRetired(ctx, cal.id, id);

function newId(ctx: EmulatorContext, cal: Calendar, requested: unknown): string {
  if (requested === undefined) {
    let id = randomBase32Hex();
    while (taken(ctx, cal, id)) id = randomBase32Hex();
    return id;
  }
  if (typeof requested !== 'string' || !VALID_EVENT_ID.test(requested)) throw gerr.invalid('Invalid resource id value.');
  if (taken(ctx, cal, requested)) throw gerr.duplicate();
  return requested;
}

/** An instance of a live recurring event that nobody changed yet, as Google shows it. */
function untouchedInstance(ctx: EmulatorContext, cal: Calendar, id: string): EventBody | undefined {
  const parts = splitInstanceId(id);
  if (!parts) return undefined;
  const master = ctx.state.events.get(eventKey('google', cal.id, parts.masterId));
  if (!master || master.deleted || !isRecurring(master.body)) return undefined;
  const o = occurrenceByStamp(master.body, cal.timeZone, parts.stamp);
  return o ? virtualInstance(master.body, o) : undefined;
}

/** events.get: a stored event (tombstones included) or an untouched instance. */
export function readEvent(ctx: EmulatorContext, cal: Calendar, id: string): EventBody | undefined {
  return ctx.state.events.get(eventKey('google', cal.id, id))?.body ?? untouchedInstance(ctx, cal, id);
}

/** The stored event to change, or a not-yet-stored exception for an untouched instance. */
function target(ctx: EmulatorContext, cal: Calendar, id: string, ifMatch: string | undefined): StoredEvent {
  const stored = ctx.state.events.get(eventKey('google', cal.id, id));
  const body = stored?.body ?? untouchedInstance(ctx, cal, id);
  if (!body) throw gerr.notFound();
  if (ifMatch && ifMatch !== '*' && ifMatch !== body.etag) throw gerr.conditionNotMet();
  return stored ?? { provider: 'google', calendarId: cal.id, id, deleted: false, changeSeq: 0, body };
}

function save(ctx: EmulatorContext, cal: Calendar, ev: StoredEvent): void {
  ctx.state.events.set(eventKey('google', cal.id, ev.id), ev);
  notifyCalendarChanged(ctx, cal.id);
}

export function insertEvent(ctx: EmulatorContext, cal: Calendar, input: EventBody): EventBody {
  const id = newId(ctx, cal, input.id);
  const now = ctx.clock.now();
  const seq = nextChangeSeq(ctx.state);
  const body = buildNewEvent(input, { id, calendarId: cal.id, calendarTz: cal.timeZone, ownerEmail: cal.ownerEmail, now, changeSeq: seq });
  save(ctx, cal, { provider: 'google', calendarId: cal.id, id, deleted: false, changeSeq: seq, body });
  return body;
}

/** Patch (merge) or update (replace). A tombstone is revived only with an explicit live status. */
export function modifyEvent(ctx: EmulatorContext, cal: Calendar, id: string, input: EventBody, mode: 'patch' | 'update', ifMatch?: string): EventBody {
  const ev = target(ctx, cal, id, ifMatch);
  if (ev.deleted && input.status !== 'confirmed' && input.status !== 'tentative') throw gerr.deleted();
  const seq = nextChangeSeq(ctx.state);
  ev.body = applyChange(ev.body, input, mode, cal.timeZone, ctx.clock.now(), seq);
  ev.deleted = ev.body.status === 'cancelled';
  ev.changeSeq = seq;
  save(ctx, cal, ev);
  return ev.body;
}

/** Delete = a `cancelled` tombstone (of an instance: a cancelled exception); twice: 410. */
export function deleteEvent(ctx: EmulatorContext, cal: Calendar, id: string, ifMatch?: string): void {
  const ev = target(ctx, cal, id, ifMatch);
  if (ev.deleted) throw gerr.deleted();
  const now = ctx.clock.now();
  const seq = nextChangeSeq(ctx.state);
  ev.deleted = true;
  ev.changeSeq = seq;
  ev.body = { ...ev.body, status: 'cancelled', updated: isoMs(now), etag: makeEtag(now, seq) };
  save(ctx, cal, ev);
}
