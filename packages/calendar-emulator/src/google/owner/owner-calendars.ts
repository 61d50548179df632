// Owns the owner deleting one of their secondary calendars in Google Calendar:
//   DELETE /_emulator/google/owner/calendars/{calendarId}
// The calendar and its events disappear (API calls on it: 404 notFound) and each live push
// channel watching it gets a last `not_exists` notification ("the resource was deleted",
// push guide, X-Goog-Resource-State), after which it delivers nothing. A primary calendar
// cannot be deleted, as in Google Calendar.
import type { Express } from 'express';
import type { EmulatorContext } from '../../core/context.js';
import { notifyCalendarGone } from '../push/channels.js';

export function registerOwnerCalendars(app: Express, ctx: EmulatorContext): void {
  app.delete('/_emulator/google/owner/calendars/:calendarId', (req, res) => {
    const id = String(req.params.calendarId);
    const cal = ctx.state.calendars.find((c) => c.provider === 'google' && c.id === id);
    if (!cal) return void res.status(404).json({ error: `no google calendar '${id}'` });
    if (cal.primary) return void res.status(400).json({ error: 'a primary calendar cannot be deleted' });
    ctx.state.calendars = ctx.state.calendars.filter((c) => c !== cal);
    for (const [key, ev] of ctx.state.events) if (ev.provider === 'google' && ev.calendarId === id) ctx.state.events.delete(key);
    notifyCalendarGone(ctx, id);
    res.status(204).end();
  });
}
