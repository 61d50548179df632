// Owns the Graph event routes: list/create under `/me/events`, `/me/calendar/events` and
// `/me/calendars/{id}/events`; get/PATCH/DELETE under `/me/events/{id}` (and the per-calendar
// form; the id may name one occurrence of a series, see event-targets.ts). Create answers 201 (or the existing event for a repeated transactionId), PATCH 200,
// DELETE 204; unknown or deleted ids give 404 ErrorItemNotFound (never 410, unlike Google).
// Sources: graph/api/user-post-events, event-get, event-update, event-delete.
import type { Express, Request, Response } from 'express';
import type { EmulatorContext } from '../../core/context.js';
import { findAccount } from '../../core/state.js';
import type { Calendar } from '../../core/types.js';
import { objectIdFor } from '../identity/claims.js';
import { createEvent, findCalendar, primaryCalendar, recordOf, userEvents } from './event-store.js';
import { deleteTarget, findTarget, patchTarget, targetRecord } from './event-targets.js';
import { renderEvent } from './event-view.js';
import { graphErrors } from './graph-error.js';
import { graphAuth, graphHandler } from './graph-http.js';
import { matchesFilter, parseExpand, parseFilter, parsePaging } from './odata-query.js';
import { parsePrefer, preferenceApplied } from './prefer.js';

const DEFAULT_PAGE = 10;
const q = (req: Request, k: string) => (typeof req.query[k] === 'string' ? (req.query[k] as string) : undefined);

export function registerEventRoutes(app: Express, ctx: EmulatorContext): void {
  const gate = (name: string, need: 'read' | 'write') => [ctx.route('microsoft', name), graphAuth(ctx, need), ctx.quotaGate('microsoft')];
  const email = (res: Response) => res.locals.user as string;
  const view = (req: Request, res: Response) => {
    const prefs = parsePrefer(req.headers.prefer);
    const expand = parseExpand(q(req, '$expand'));
    const who = email(res);
    const opts = { prefs, ownerEmail: who, ownerName: findAccount(ctx.state, 'microsoft', who)?.name ?? who, ...(expand ? { expandExtendedProperties: expand } : {}) };
    const headers: Record<string, string> = {};
    const applied = preferenceApplied(prefs, false);
    if (applied) headers['Preference-Applied'] = applied;
    return { opts, headers, prefs };
  };
  const ctxUrl = (who: string, path: string) => `${ctx.urls.https}/v1.0/$metadata#users('${objectIdFor(who)}')/${path}`;
  const calendarOf = (req: Request, res: Response): Calendar =>
    req.params.calendarId ? findCalendar(ctx, email(res), String(req.params.calendarId)) : primaryCalendar(ctx, email(res));

  const list = graphHandler((req, res) => {
    const { opts, headers } = view(req, res);
    const filter = parseFilter(q(req, '$filter'));
    const { top, skip } = parsePaging(req.query as Record<string, unknown>, DEFAULT_PAGE);
    const scoped = req.params.calendarId || req.path.startsWith('/v1.0/me/calendar/') ? calendarOf(req, res).id : undefined;
    const all = userEvents(ctx, email(res))
      .filter((e) => !e.deleted && (scoped === undefined || e.calendarId === scoped) && matchesFilter(recordOf(e).extendedProperties, filter))
      .sort((a, b) => recordOf(a).createdMs - recordOf(b).createdMs || a.id.localeCompare(b.id));
    const page = all.slice(skip, skip + top);
    const body: Record<string, unknown> = { '@odata.context': ctxUrl(email(res), 'events'), value: page.map((e) => renderEvent(recordOf(e), opts)) };
    if (skip + top < all.length) {
      const next = new URL(`${ctx.urls.https}${req.path}`);
      for (const [k, v] of Object.entries(req.query)) if (typeof v === 'string' && k !== '$skip') next.searchParams.set(k, v);
      next.searchParams.set('$skip', String(skip + top));
      body['@odata.nextLink'] = next.toString();
    }
    return { status: 200, headers, body };
  });

  const create = graphHandler((req, res) => {
    const { opts, headers } = view(req, res);
    if (!req.body || typeof req.body !== 'object' || Array.isArray(req.body)) throw graphErrors.badRequest('Empty Payload. JSON content expected.', 'BadRequest');
    const { event } = createEvent(ctx, calendarOf(req, res), req.body as Record<string, unknown>);
    return { status: 201, headers, body: { '@odata.context': ctxUrl(email(res), 'events/$entity'), ...renderEvent(recordOf(event), opts) } };
  });

  const getOne = graphHandler((req, res) => {
    const { opts, headers } = view(req, res);
    const t = findTarget(ctx, email(res), String(req.params.eventId), req.params.calendarId ? String(req.params.calendarId) : undefined);
    return { status: 200, headers, body: { '@odata.context': ctxUrl(email(res), 'events/$entity'), ...renderEvent(targetRecord(t), opts) } };
  });

  const patch = graphHandler((req, res) => {
    const { opts, headers } = view(req, res);
    const t = findTarget(ctx, email(res), String(req.params.eventId), req.params.calendarId ? String(req.params.calendarId) : undefined);
    const updated = patchTarget(ctx, t, (req.body ?? {}) as Record<string, unknown>, req.headers['if-match']);
    return { status: 200, headers, body: { '@odata.context': ctxUrl(email(res), 'events/$entity'), ...renderEvent(targetRecord(updated), opts) } };
  });

  const remove = graphHandler((req, res) => {
    const t = findTarget(ctx, email(res), String(req.params.eventId), req.params.calendarId ? String(req.params.calendarId) : undefined);
    deleteTarget(ctx, t, req.headers['if-match']);
    return { status: 204 };
  });

  for (const base of ['/v1.0/me/events', '/v1.0/me/calendar/events', '/v1.0/me/calendars/:calendarId/events']) {
    app.get(base, ...gate('graph.events.list', 'read'), list);
    app.post(base, ...gate('graph.events.create', 'write'), create);
    app.get(`${base}/:eventId`, ...gate('graph.events.get', 'read'), getOne);
    app.patch(`${base}/:eventId`, ...gate('graph.events.update', 'write'), patch);
    app.delete(`${base}/:eventId`, ...gate('graph.events.delete', 'write'), remove);
  }
}
