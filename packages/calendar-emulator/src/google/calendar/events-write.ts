// Owns events.insert / patch / update / delete (provider-apis.md A2.2-A2.3): client ids,
// 409 on any existing id (tombstones included: ids are never reused), If-Match -> 412,
// 410 when deleting a deleted event, deletion as a `cancelled` tombstone, undelete by
// patch/update with an explicit live status.
import type { Express, Request } from 'express';
import type { EmulatorContext } from '../../core/context.js';
import type { Calendar, StoredEvent } from '../../core/types.js';
import { eventKey, nextChangeSeq } from '../../core/state.js';
import { randomBase32Hex } from '../../core/ids.js';
import { gerr } from '../errors.js';
import { googleAuth } from '../auth.js';
import { requireWriter, resolveCalendar } from './access.js';
import { applyChange, buildNewEvent, makeEtag, VALID_EVENT_ID } from './event-model.js';
import { handler, jsonBody, param } from './handler.js';
import { isoMs } from './time.js';
import { notifyCalendarChanged } from '../push/channels.js';
import { isRetired } from '../settings.js';

const EVENTS = '/calendar/v3/calendars/:calendarId/events';

function writableCalendar(ctx: EmulatorContext, req: Request, email: string): Calendar {
  const cal = resolveCalendar(ctx, email, param(req, 'calendarId'));
  requireWriter(cal);
  return cal;
}

function existingEvent(ctx: EmulatorContext, cal: Calendar, req: Request): StoredEvent {
  const ev = ctx.state.events.get(eventKey('google', cal.id, param(req, 'eventId')));
  if (!ev) throw gerr.notFound();
  const ifMatch = req.headers['if-match'];
  if (ifMatch && ifMatch !== '*' && ifMatch !== ev.body.etag) throw gerr.conditionNotMet();
  return ev;
}

function newId(ctx: EmulatorContext, cal: Calendar, requested: unknown): string {
  if (requested === undefined) {
    let id = randomBase32Hex();
    while (ctx.state.events.has(eventKey('google', cal.id, id)) || isRetired(ctx, cal.id, id)) id = randomBase32Hex();
    return id;
  }
  if (typeof requested !== 'string' || !VALID_EVENT_ID.test(requested)) throw gerr.invalid('Invalid resource id value.');
  if (ctx.state.events.has(eventKey('google', cal.id, requested)) || isRetired(ctx, cal.id, requested)) throw gerr.duplicate();
  return requested;
}

export function registerEventWrites(app: Express, ctx: EmulatorContext): void {
  const gate = (name: string) => [ctx.route('google', name), googleAuth(ctx, 'writeEvents'), ctx.quotaGate('google')];

  app.post(EVENTS, ...gate('events.insert'), handler((req, res) => {
    const cal = writableCalendar(ctx, req, res.locals.user);
    const input = jsonBody(req);
    const id = newId(ctx, cal, input.id);
    const now = ctx.clock.now();
    const seq = nextChangeSeq(ctx.state);
    const body = buildNewEvent(input, { id, calendarId: cal.id, calendarTz: cal.timeZone, ownerEmail: cal.ownerEmail, now, changeSeq: seq });
    ctx.state.events.set(eventKey('google', cal.id, id), { provider: 'google', calendarId: cal.id, id, deleted: false, changeSeq: seq, body });
    res.json(body);
    notifyCalendarChanged(ctx, cal.id);
  }));

  for (const mode of ['patch', 'update'] as const) {
    const method = mode === 'patch' ? app.patch.bind(app) : app.put.bind(app);
    method(`${EVENTS}/:eventId`, ...gate(`events.${mode}`), handler((req, res) => {
      const cal = writableCalendar(ctx, req, res.locals.user);
      const ev = existingEvent(ctx, cal, req);
      const input = jsonBody(req);
      if (ev.deleted && input.status !== 'confirmed' && input.status !== 'tentative') throw gerr.deleted();
      const seq = nextChangeSeq(ctx.state);
      ev.body = applyChange(ev.body, input, mode, cal.timeZone, ctx.clock.now(), seq);
      ev.deleted = ev.body.status === 'cancelled';
      ev.changeSeq = seq;
      res.json(ev.body);
      notifyCalendarChanged(ctx, cal.id);
    }));
  }

  app.delete(`${EVENTS}/:eventId`, ...gate('events.delete'), handler((req, res) => {
    const cal = writableCalendar(ctx, req, res.locals.user);
    const ev = existingEvent(ctx, cal, req);
    if (ev.deleted) throw gerr.deleted();
    const now = ctx.clock.now();
    const seq = nextChangeSeq(ctx.state);
    ev.deleted = true;
    ev.changeSeq = seq;
    ev.body = { ...ev.body, status: 'cancelled', updated: isoMs(now), etag: makeEtag(now, seq) };
    res.status(204).end();
    notifyCalendarChanged(ctx, cal.id);
  }));
}
