// Owns the routes events.insert / patch / update / delete (provider-apis.md A2.2-A2.3):
// authentication, the writable-calendar check and If-Match, then one call into the write
// path (event-store), which holds the rules: 409 on any existing id (tombstones included),
// 412 on a stale etag, 410 when deleting a deleted event, undelete by explicit live status.
import type { Express, Request } from 'express';
import type { EmulatorContext } from '../../core/context.js';
import type { Calendar } from '../../core/types.js';
import { googleAuth } from '../auth.js';
import { requireWriter, resolveCalendar } from './access.js';
import { handler, jsonBody, param } from './handler.js';
import { deleteEvent, insertEvent, modifyEvent } from './event-store.js';

const EVENTS = '/calendar/v3/calendars/:calendarId/events';

function writableCalendar(ctx: EmulatorContext, req: Request, email: string): Calendar {
  const cal = resolveCalendar(ctx, email, param(req, 'calendarId'));
  requireWriter(cal);
  return cal;
}

const ifMatch = (req: Request): string | undefined => req.headers['if-match'];

export function registerEventWrites(app: Express, ctx: EmulatorContext): void {
  const gate = (name: string) => [ctx.route('google', name), googleAuth(ctx, 'writeEvents'), ctx.quotaGate('google')];

  app.post(EVENTS, ...gate('events.insert'), handler((req, res) => {
    res.json(insertEvent(ctx, writableCalendar(ctx, req, res.locals.user), jsonBody(req)));
  }));

  for (const mode of ['patch', 'update'] as const) {
    const method = mode === 'patch' ? app.patch.bind(app) : app.put.bind(app);
    method(`${EVENTS}/:eventId`, ...gate(`events.${mode}`), handler((req, res) => {
      const cal = writableCalendar(ctx, req, res.locals.user);
      res.json(modifyEvent(ctx, cal, param(req, 'eventId'), jsonBody(req), mode, ifMatch(req)));
    }));
  }

  app.delete(`${EVENTS}/:eventId`, ...gate('events.delete'), handler((req, res) => {
    deleteEvent(ctx, writableCalendar(ctx, req, res.locals.user), param(req, 'eventId'), ifMatch(req));
    res.status(204).end();
  }));
}
