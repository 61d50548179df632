// Owns `GET /v1.0/me/events/{id}/instances?startDateTime&endDateTime` (occurrences and
// exceptions of a series in the window, both bounds required) and
// `POST /v1.0/me/events/{id}/cancel` (202: an occurrence leaves the expansion, a series or a
// single event is removed), also under the per-calendar paths.
// Sources: graph/api/event-list-instances, event-cancel.
import type { Express, Request, Response } from 'express';
import type { EmulatorContext } from '../../core/context.js';
import { findAccount } from '../../core/state.js';
import { objectIdFor } from '../identity/claims.js';
import { windowMs } from './calendar-view-routes.js';
import { deleteTarget, findTarget } from './event-targets.js';
import { recordOf } from './event-store.js';
import { renderEvent } from './event-view.js';
import { graphAuth, graphHandler } from './graph-http.js';
import { parsePrefer, preferenceApplied } from './prefer.js';
import { seriesInstances } from './recurrence/instances.js';

export function registerInstanceRoutes(app: Express, ctx: EmulatorContext): void {
  const gate = (name: string, need: 'read' | 'write') => [ctx.route('microsoft', name), graphAuth(ctx, need), ctx.quotaGate('microsoft')];
  const target = (req: Request, res: Response) =>
    findTarget(ctx, res.locals.user as string, String(req.params.eventId), req.params.calendarId ? String(req.params.calendarId) : undefined);

  const instances = graphHandler((req, res) => {
    const email = res.locals.user as string;
    const from = windowMs(req, 'startDateTime');
    const to = windowMs(req, 'endDateTime');
    const t = target(req, res);
    // A single event or an occurrence has no instances of its own.
    const recs = t.occurrenceStartMs === undefined ? seriesInstances(recordOf(t.event), from, to) : [];
    const prefs = parsePrefer(req.headers.prefer);
    const opts = { prefs, ownerEmail: email, ownerName: findAccount(ctx.state, 'microsoft', email)?.name ?? email };
    const applied = preferenceApplied(prefs, false);
    const headers: Record<string, string> = applied ? { 'Preference-Applied': applied } : {};
    return {
      status: 200,
      headers,
      body: { '@odata.context': `${ctx.urls.https}/v1.0/$metadata#users('${objectIdFor(email)}')/events('${String(req.params.eventId)}')/instances`, value: recs.map((r) => renderEvent(r, opts)) },
    };
  });

  const cancel = graphHandler((req, res) => {
    deleteTarget(ctx, target(req, res));
    return { status: 202 };
  });

  for (const base of ['/v1.0/me/events', '/v1.0/me/calendar/events', '/v1.0/me/calendars/:calendarId/events']) {
    app.get(`${base}/:eventId/instances`, ...gate('graph.events.instances', 'read'), instances);
    app.post(`${base}/:eventId/cancel`, ...gate('graph.events.cancel', 'write'), cancel);
  }
}
