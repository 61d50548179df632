// Owns `GET /v1.0/me/calendarView` and `/v1.0/me/calendars/{id}/calendarView`: live events
// (series expanded into occurrences and exceptions, recurrence/view.ts) overlapping [startDateTime, endDateTime) (both required), sorted by start, paged with
// `$top`/`$skip` + `@odata.nextLink`; `$orderby` only on start/dateTime, the extended-property
// `$filter` as on /events. Source: graph/api/user-list-calendarview, calendar-list-calendarview.
import type { Express, Request, Response } from 'express';
import type { EmulatorContext } from '../../core/context.js';
import { findAccount } from '../../core/state.js';
import { objectIdFor } from '../identity/claims.js';
import { findCalendar, primaryCalendar, userEvents } from './event-store.js';
import { viewRecords } from './recurrence/view.js';
import { renderEvent } from './event-view.js';
import { graphErrors } from './graph-error.js';
import { graphAuth, graphHandler } from './graph-http.js';
import { matchesFilter, parseExpand, parseFilter, parsePaging } from './odata-query.js';
import { parsePrefer, preferenceApplied } from './prefer.js';

const DEFAULT_PAGE = 10;

function windowMs(req: Request, name: string): number {
  const raw = req.query[name];
  const ms = typeof raw === 'string' ? Date.parse(/[zZ]|[+-]\d\d:\d\d$/.test(raw) ? raw : `${raw}Z`) : NaN;
  if (Number.isNaN(ms)) {
    throw graphErrors.badRequest('This request requires a time window specified by the query string parameters StartDateTime and EndDateTime.', 'ErrorInvalidParameter');
  }
  return ms;
}

function direction(orderby: unknown): 1 | -1 {
  if (orderby === undefined) return 1;
  const m = typeof orderby === 'string' ? /^\s*start\/dateTime(?:\s+(asc|desc))?\s*$/i.exec(orderby) : null;
  if (!m) throw graphErrors.badRequest(`The emulator orders calendarView by start/dateTime only, got '${String(orderby)}'.`);
  return m[1]?.toLowerCase() === 'desc' ? -1 : 1;
}

export { windowMs };

export function registerCalendarViewRoutes(app: Express, ctx: EmulatorContext): void {
  const handler = graphHandler((req: Request, res: Response) => {
    const email = res.locals.user as string;
    const cal = req.params.calendarId ? findCalendar(ctx, email, String(req.params.calendarId)) : primaryCalendar(ctx, email);
    const startMs = windowMs(req, 'startDateTime');
    const endMs = windowMs(req, 'endDateTime');
    const dir = direction(req.query.$orderby);
    const filter = parseFilter(typeof req.query.$filter === 'string' ? req.query.$filter : undefined);
    const expand = parseExpand(typeof req.query.$expand === 'string' ? req.query.$expand : undefined);
    const { top, skip } = parsePaging(req.query as Record<string, unknown>, DEFAULT_PAGE);
    const prefs = parsePrefer(req.headers.prefer);
    const all = viewRecords(userEvents(ctx, email), cal.id, startMs, endMs)
      .filter((rec) => matchesFilter(rec.extendedProperties, filter))
      .sort((a, b) => dir * (a.startMs - b.startMs) || a.id.localeCompare(b.id))
      .map((rec) => ({ rec }));
    const opts = { prefs, ownerEmail: email, ownerName: findAccount(ctx.state, 'microsoft', email)?.name ?? email, ...(expand ? { expandExtendedProperties: expand } : {}) };
    const body: Record<string, unknown> = {
      '@odata.context': `${ctx.urls.https}/v1.0/$metadata#users('${objectIdFor(email)}')/calendarView`,
      value: all.slice(skip, skip + top).map(({ rec }) => renderEvent(rec, opts)),
    };
    if (skip + top < all.length) {
      const next = new URL(`${ctx.urls.https}${req.path}`);
      for (const [k, v] of Object.entries(req.query)) if (typeof v === 'string' && k !== '$skip') next.searchParams.set(k, v);
      next.searchParams.set('$skip', String(skip + top));
      body['@odata.nextLink'] = next.toString();
    }
    const applied = preferenceApplied(prefs, false);
    const headers: Record<string, string> = applied ? { 'Preference-Applied': applied } : {};
    return { status: 200, headers, body };
  });
  const gate = [ctx.route('microsoft', 'graph.calendarView'), graphAuth(ctx, 'read'), ctx.quotaGate('microsoft')];
  app.get('/v1.0/me/calendarView', ...gate, handler);
  app.get('/v1.0/me/calendars/:calendarId/calendarView', ...gate, handler);
}
