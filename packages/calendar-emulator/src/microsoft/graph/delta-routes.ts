// Owns `GET /v1.0/me/calendarView/delta` (primary calendar) and
// `/v1.0/me/calendars/{id}/calendarView/delta`: window required on the first call, paging by
// `Prefer: odata.maxpagesize`, `@odata.nextLink` ($skiptoken) until the round ends with
// `@odata.deltaLink` ($deltatoken), `@removed` items, OData query options refused, and
// 410 + Location (initial URL, empty $deltatoken) when the token is no longer valid.
// Sources: graph/api/event-delta, concepts/delta-query-events, delta-query-overview.
import type { Express, Request, Response } from 'express';
import type { EmulatorContext } from '../../core/context.js';
import { findAccount } from '../../core/state.js';
import { msState } from '../state.js';
import { alreadySent, deltaPage, type DeltaSource } from './delta-page.js';
import { decodeCursor, encodeCursor, type DeltaCursor } from './delta-token.js';
import { findCalendar, primaryCalendar, userEvents } from './event-store.js';
import { deltaSources } from './recurrence/view.js';
import { renderEvent } from './event-view.js';
import { graphErrors } from './graph-error.js';
import { graphAuth, graphHandler } from './graph-http.js';
import { parsePrefer, preferenceApplied } from './prefer.js';

const DEFAULT_PAGE = 10;
const UNSUPPORTED = ['$select', '$filter', '$expand', '$orderby', '$search', '$top'];

function windowParam(req: Request, name: string): number {
  const raw = req.query[name] ?? req.query[name.toLowerCase()];
  if (typeof raw !== 'string') {
    throw graphErrors.badRequest("This request requires a time window specified by the query string parameters StartDateTime and EndDateTime.", 'ErrorInvalidParameter');
  }
  const ms = Date.parse(/[zZ]|[+-]\d\d:\d\d$/.test(raw) ? raw : `${raw}Z`);
  if (Number.isNaN(ms)) throw graphErrors.badRequest(`The value '${raw}' of parameter '${name}' is invalid.`, 'ErrorInvalidParameter');
  return ms;
}

export function registerDeltaRoutes(app: Express, ctx: EmulatorContext): void {
  const handler = graphHandler((req: Request, res: Response) => {
    const email = res.locals.user as string;
    const scope = req.path;
    const used = UNSUPPORTED.filter((k) => k in req.query);
    if (used.length) {
      throw graphErrors.badRequest(`The following parameters are not supported with change tracking over the 'CalendarView' resource: '${used.join(', ')}'.`, 'ErrorInvalidUrlQuery');
    }
    const calendar = req.params.calendarId ? findCalendar(ctx, email, String(req.params.calendarId)) : primaryCalendar(ctx, email);
    const ms = msState(ctx);
    const skip = req.query.$skiptoken;
    const delta = req.query.$deltatoken;
    let cursor: DeltaCursor;
    if (typeof skip === 'string' || typeof delta === 'string') {
      const decoded = decodeCursor(String(skip ?? delta));
      if (!decoded || decoded.generation !== ms.deltaGeneration || decoded.scope !== scope || decoded.calendarId !== calendar.id) {
        const restart = `${ctx.urls.https}${scope}?startDateTime=${new Date(decoded?.startMs ?? 0).toISOString()}&endDateTime=${new Date(decoded?.endMs ?? 0).toISOString()}&$deltatoken=`;
        throw graphErrors.syncStateGone(decoded ? restart : `${ctx.urls.https}${scope}?$deltatoken=`);
      }
      // A deltaLink starts a new round: its snapshot is taken now.
      cursor = typeof delta === 'string' ? { ...decoded, untilSeq: ctx.state.changeSeq, afterSeq: decoded.sinceSeq } : decoded;
    } else {
      const startMs = windowParam(req, 'startDateTime');
      const endMs = windowParam(req, 'endDateTime');
      if (endMs <= startMs) throw graphErrors.badRequest('The end of the time window must be after its start.', 'ErrorInvalidParameter');
      cursor = { scope, calendarId: calendar.id, startMs, endMs, sinceSeq: 0, untilSeq: ctx.state.changeSeq, afterSeq: 0, initial: true, generation: ms.deltaGeneration };
    }
    const prefs = parsePrefer(req.headers.prefer);
    const max = prefs.maxPageSize ?? DEFAULT_PAGE;
    const pageSize = ms.randomPageSizes ? ctx.rng.int(1, max) : max;
    const sources: DeltaSource[] = deltaSources(userEvents(ctx, email), cursor.startMs, cursor.endMs);
    const page = deltaPage(sources, cursor, pageSize);
    if (ms.deltaReplays && ctx.rng.next() < 0.5) {
      const sent = alreadySent(sources, cursor);
      if (sent.length) page.items.push({ kind: 'upsert', rec: sent[ctx.rng.int(0, sent.length - 1)].rec });
    }
    const owner = findAccount(ctx.state, 'microsoft', email);
    const opts = { prefs, ownerEmail: email, ownerName: owner?.name ?? email };
    const value = page.items.map((it) =>
      it.kind === 'upsert'
        ? renderEvent(it.rec, opts)
        : { '@odata.type': '#microsoft.graph.event', id: renderEvent(it.rec, opts).id, '@removed': { reason: 'deleted' } });
    const body: Record<string, unknown> = { '@odata.context': `${ctx.urls.https}/v1.0/$metadata#Collection(event)`, value };
    if (page.next) body['@odata.nextLink'] = `${ctx.urls.https}${scope}?$skiptoken=${encodeCursor(page.next)}`;
    else body['@odata.deltaLink'] = `${ctx.urls.https}${scope}?$deltatoken=${encodeCursor(page.done as DeltaCursor)}`;
    const applied = preferenceApplied(prefs, true);
    const headers: Record<string, string> = applied ? { 'Preference-Applied': applied } : {};
    return { status: 200, body, headers };
  });
  const gate = [ctx.route('microsoft', 'graph.delta'), graphAuth(ctx, 'read'), ctx.quotaGate('microsoft')];
  app.get('/v1.0/me/calendarView/delta', ...gate, handler);
  app.get('/v1.0/me/calendars/:calendarId/calendarView/delta', ...gate, handler);
}

