// Owns events.instances, GET /calendar/v3/calendars/{calendarId}/events/{eventId}/instances
// (developers.google.com/calendar/api/v3/reference/events/instances): the instances of one
// recurring event in start order, untouched or changed (exceptions), cancelled ones only with
// showDeleted; timeMin (by end) / timeMax (by start), originalStart, timeZone, maxResults,
// pageToken. A series that was deleted answers 410 like other writes to a tombstone; an
// event that does not recur has no instances (U: Google's answer there is not documented).
import type { Express } from 'express';
import type { EmulatorContext } from '../../core/context.js';
import type { StoredEvent } from '../../core/types.js';
import { eventKey } from '../../core/state.js';
import { gerr } from '../errors.js';
import { googleAuth } from '../auth.js';
import { accessRole, resolveCalendar } from '../calendar/access.js';
import { handler, param } from '../calendar/handler.js';
import { parseListQuery } from '../calendar/list-query.js';
import { instantOf } from '../calendar/event-times.js';
import type { EventDateTime } from '../calendar/event-times.js';
import { listItemView } from '../calendar/event-model.js';
import { isRecurring } from './rules.js';
import { untouchedInstances, windowOf } from './expand.js';

const pageToken = (offset: number): string => Buffer.from(`i${offset}`).toString('base64url');
function offsetOf(token: string): number {
  const m = /^i(\d+)$/.exec(Buffer.from(token, 'base64url').toString());
  if (!m) throw gerr.invalid('Invalid page token value.', 'pageToken');
  return Number(m[1]);
}

export function registerInstances(app: Express, ctx: EmulatorContext): void {
  const path = '/calendar/v3/calendars/:calendarId/events/:eventId/instances';
  app.get(path, ctx.route('google', 'events.instances'), googleAuth(ctx, 'readEvents'), ctx.quotaGate('google'), handler((req, res) => {
    const cal = resolveCalendar(ctx, res.locals.user, param(req, 'calendarId'));
    const raw = req.query as Record<string, unknown>;
    const q = parseListQuery({ ...raw, singleEvents: 'true', pageToken: undefined });
    const master = ctx.state.events.get(eventKey('google', cal.id, param(req, 'eventId')));
    if (!master) throw gerr.notFound();
    if (master.deleted) throw gerr.deleted();
    const mine = [...ctx.state.events.values()].filter((e) => e.provider === 'google' && e.calendarId === cal.id);
    const w = windowOf(q.timeMin, q.timeMax, ctx.clock.now());
    const exceptions = mine.filter((e) => e.body.recurringEventId === master.id);
    const all = isRecurring(master.body) ? [...untouchedInstances(master, new Map(mine.map((e) => [e.id, e])), cal.timeZone, w), ...exceptions] : [];
    const start = (e: StoredEvent) => instantOf(e.body.start as EventDateTime, cal.timeZone);
    const end = (e: StoredEvent) => instantOf(e.body.end as EventDateTime, cal.timeZone);
    const original = typeof raw.originalStart === 'string' ? Date.parse(raw.originalStart) : undefined;
    const chosen = all
      .filter((e) => q.showDeleted || !e.deleted)
      .filter((e) => (q.timeMin === undefined || end(e) > q.timeMin) && (q.timeMax === undefined || start(e) < q.timeMax))
      .filter((e) => original === undefined || instantOf(e.body.originalStartTime as EventDateTime, cal.timeZone) === original)
      .sort((a, b) => start(a) - start(b) || a.id.localeCompare(b.id));
    const offset = typeof raw.pageToken === 'string' ? offsetOf(raw.pageToken) : 0;
    const page = chosen.slice(offset, offset + q.maxResults);
    res.json({
      kind: 'calendar#events',
      etag: `"p3${ctx.state.changeSeq}"`,
      summary: cal.name,
      updated: new Date(ctx.clock.now()).toISOString(),
      timeZone: q.timeZone ?? cal.timeZone,
      accessRole: accessRole(cal),
      defaultReminders: cal.canWrite ? [{ method: 'popup', minutes: 10 }] : [],
      ...(offset + q.maxResults < chosen.length ? { nextPageToken: pageToken(offset + q.maxResults) } : {}),
      items: page.map((e) => listItemView(e.deleted, e.body, q.timeZone)),
    });
  }));
}
