// Owns events.get (cancelled events included, If-None-Match -> 304) and events.list with
// paging (random short pages from the seeded rng, nextSyncToken only on the last page) and
// incremental sync (changes since the token, deletions as cancelled; 410 once invalidated).
// `singleEvents=true` lists the instances of recurring events instead of the series.
import type { Express } from 'express';
import type { EmulatorContext } from '../../core/context.js';
import type { Calendar, StoredEvent } from '../../core/types.js';
import { gerr } from '../errors.js';
import { googleAuth } from '../auth.js';
import { accessRole, resolveCalendar } from './access.js';
import { decodePage, decodeSync, encodePage, encodeSync, keyAfter } from './cursors.js';
import type { PageCursor, SortKey } from './cursors.js';
import { parseListQuery } from './list-query.js';
import type { ListQuery } from './list-query.js';
import { selectChanges, selectFull, sortKeyFn } from './list-select.js';
import { listItemView } from './event-model.js';
import { handler, param } from './handler.js';
import { readEvent } from './event-store.js';
import { syncEpoch, randomPageSizes } from '../settings.js';
import { expandChanges, singleEvents, windowOf } from '../recurrence/expand.js';

const EVENTS = '/calendar/v3/calendars/:calendarId/events';

/** Starting cursor: from a page token, a sync token, or a fresh full list. */
function startCursor(ctx: EmulatorContext, cal: Calendar, q: ListQuery): PageCursor {
  const ep = syncEpoch(ctx);
  if (q.pageToken) {
    const c = decodePage(q.pageToken, cal.id);
    if (c.from !== undefined && c.ep !== ep) throw gerr.fullSyncRequired();
    return c;
  }
  const base: PageCursor = { c: cal.id, k: [Number.MIN_SAFE_INTEGER, ''], snap: ctx.state.changeSeq, ep };
  if (q.syncToken) {
    const s = decodeSync(q.syncToken, cal.id);
    if (s.ep !== ep) throw gerr.fullSyncRequired();
    return { ...base, from: s.s, ...(s.tmin !== undefined ? { tmin: s.tmin } : {}), ...(s.tmax !== undefined ? { tmax: s.tmax } : {}) };
  }
  return { ...base, ...(q.timeMin !== undefined ? { tmin: q.timeMin } : {}), ...(q.timeMax !== undefined ? { tmax: q.timeMax } : {}) };
}

function pageSize(ctx: EmulatorContext, max: number): number {
  // Google: "may be less than this value, or none at all, even if there are more events".
  if (!randomPageSizes(ctx) || ctx.rng.next() >= 0.3) return max;
  return ctx.rng.int(0, max - 1);
}

/** Which events a list page is drawn from; `singleEvents` expands recurring events first. */
function choose(ctx: EmulatorContext, cal: Calendar, q: ListQuery, cursor: PageCursor, mine: StoredEvent[]): StoredEvent[] {
  const tz = cal.timeZone;
  if (cursor.from !== undefined) {
    const changed = selectChanges(mine, cursor.from, tz, cursor.tmin, cursor.tmax);
    return q.singleEvents ? expandChanges(changed, mine, tz, windowOf(cursor.tmin, cursor.tmax, ctx.clock.now())) : changed;
  }
  return selectFull(q.singleEvents ? singleEvents(mine, tz, windowOf(q.timeMin, q.timeMax, ctx.clock.now())) : mine, q, tz);
}

export function registerEventReads(app: Express, ctx: EmulatorContext): void {
  const gate = (name: string) => [ctx.route('google', name), googleAuth(ctx, 'readEvents'), ctx.quotaGate('google')];

  app.get(`${EVENTS}/:eventId`, ...gate('events.get'), handler((req, res) => {
    const cal = resolveCalendar(ctx, res.locals.user, param(req, 'calendarId'));
    const body = readEvent(ctx, cal, param(req, 'eventId'));
    if (!body) throw gerr.notFound();
    if (req.headers['if-none-match'] === body.etag) return void res.status(304).end();
    res.json(body);
  }));

  app.get(EVENTS, ...gate('events.list'), handler((req, res) => {
    const cal = resolveCalendar(ctx, res.locals.user, param(req, 'calendarId'));
    const q = parseListQuery(req.query as Record<string, unknown>);
    const cursor = startCursor(ctx, cal, q);
    const incremental = cursor.from !== undefined;
    const mine = [...ctx.state.events.values()].filter((e) => e.provider === 'google' && e.calendarId === cal.id);
    const chosen = choose(ctx, cal, q, cursor, mine);
    const keyOf = sortKeyFn(q, incremental, cal.timeZone);
    const remaining = chosen
      .map((ev) => ({ ev, key: keyOf(ev) }))
      .filter((x) => keyAfter(x.key, cursor.k))
      .sort((a, b) => (keyAfter(a.key, b.key) ? 1 : keyAfter(b.key, a.key) ? -1 : 0));
    const size = pageSize(ctx, q.maxResults);
    const page = remaining.slice(0, size);
    const last = remaining.length <= size;
    const lastKey: SortKey = page.length ? page[page.length - 1]!.key : cursor.k;
    const next = last
      ? { nextSyncToken: encodeSync({ c: cal.id, s: cursor.snap, ep: cursor.ep, ...(cursor.tmin !== undefined ? { tmin: cursor.tmin } : {}), ...(cursor.tmax !== undefined ? { tmax: cursor.tmax } : {}) }) }
      : { nextPageToken: encodePage({ ...cursor, k: lastKey }) };
    res.json({
      kind: 'calendar#events',
      etag: `"p3${cursor.snap}"`,
      summary: cal.name,
      description: '',
      updated: new Date(ctx.clock.now()).toISOString(),
      timeZone: q.timeZone ?? cal.timeZone,
      accessRole: accessRole(cal),
      defaultReminders: cal.canWrite ? [{ method: 'popup', minutes: 10 }] : [],
      ...next,
      items: page.map((x) => listItemView(x.ev.deleted, x.ev.body, q.timeZone)),
    });
  }));
}
