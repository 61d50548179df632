// Owns the control calls that play the account owner editing their own calendar in Google
// Calendar (the web app, not our API): create (a recurring series included), move/edit and
// delete any event of their calendars, ours or theirs. They go through the same write path
// as the Calendar v3 routes (event-store), so etag, sequence, `updated`, sync tokens and push
// notifications change exactly as for an API write. Like every control call they need no
// token; the calendar says whose app it is. Read-only calendars (Holidays) stay read-only.
//   POST   /_emulator/google/owner/events                        {email?, calendarId?, event}
//   PATCH  /_emulator/google/owner/events/{calendarId}/{eventId} {…fields}  (patch semantics)
//   DELETE /_emulator/google/owner/events/{calendarId}/{eventId}
import type { Express, Request, Response } from 'express';
import type { EmulatorContext } from '../../core/context.js';
import type { Calendar } from '../../core/types.js';
import { findAccount } from '../../core/state.js';
import { GoogleApiError } from '../errors.js';
import { requireWriter } from '../calendar/access.js';
import { jsonBody, param } from '../calendar/handler.js';
import { deleteEvent, insertEvent, modifyEvent } from '../calendar/event-store.js';

class OwnerInputError extends Error {
  constructor(message: string, readonly status = 400) {
    super(message);
  }
}

/** Control-API answers: `{error}` with the status Google would have used; 400 for bad input, 404 for an unknown calendar. */
function guarded(fn: (req: Request, res: Response) => void) {
  return (req: Request, res: Response): void => {
    try {
      fn(req, res);
    } catch (e) {
      if (e instanceof GoogleApiError) res.status(e.status).json({ error: e.item.message, reason: e.item.reason });
      else if (e instanceof OwnerInputError) res.status(e.status).json({ error: e.message });
      else throw e;
    }
  };
}

function calendarById(ctx: EmulatorContext, id: string): Calendar {
  const cal = ctx.state.calendars.find((c) => c.provider === 'google' && c.id === id);
  if (!cal) throw new OwnerInputError(`no google calendar '${id}'`, 404);
  return cal;
}

/** `calendarId`, else the primary calendar of `email`. */
function chosenCalendar(ctx: EmulatorContext, b: Record<string, unknown>): Calendar {
  const email = typeof b.email === 'string' ? findAccount(ctx.state, 'google', b.email)?.email : undefined;
  if (typeof b.email === 'string' && !email) throw new OwnerInputError(`no google account '${b.email}'`);
  if (typeof b.calendarId === 'string') {
    const cal = calendarById(ctx, b.calendarId);
    if (email && cal.ownerEmail !== email) throw new OwnerInputError(`calendar '${cal.id}' is not ${email}'s`);
    return cal;
  }
  const primary = ctx.state.calendars.find((c) => c.provider === 'google' && c.primary && c.ownerEmail === email);
  if (!primary) throw new OwnerInputError('give calendarId or email');
  return primary;
}

function writable(cal: Calendar): Calendar {
  requireWriter(cal);
  return cal;
}

export function registerOwnerRoutes(app: Express, ctx: EmulatorContext): void {
  const base = '/_emulator/google/owner/events';

  app.post(base, guarded((req, res) => {
    const b = jsonBody(req);
    if (!b.event || typeof b.event !== 'object') throw new OwnerInputError('event must be an object (a Calendar v3 event resource)');
    const cal = writable(chosenCalendar(ctx, b));
    res.status(201).json(insertEvent(ctx, cal, b.event as Record<string, unknown>));
  }));

  app.patch(`${base}/:calendarId/:eventId`, guarded((req, res) => {
    const cal = writable(calendarById(ctx, param(req, 'calendarId')));
    res.json(modifyEvent(ctx, cal, param(req, 'eventId'), jsonBody(req), 'patch'));
  }));

  app.delete(`${base}/:calendarId/:eventId`, guarded((req, res) => {
    deleteEvent(ctx, writable(calendarById(ctx, param(req, 'calendarId'))), param(req, 'eventId'));
    res.status(204).end();
  }));
}
