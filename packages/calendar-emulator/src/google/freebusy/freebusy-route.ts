// Owns freebusy.query, POST /calendar/v3/freeBusy (developers.google.com/calendar/api/v3/reference/freebusy/query):
// `timeMin`/`timeMax` (RFC3339, required; timeMax after timeMin else 400 timeRangeEmpty),
// `items[].id` (`primary` or a calendar id), `timeZone` of the answer (default UTC),
// `calendarExpansionMax` ≤ 50. Each calendar answers `busy[]` (merged blocks, busy.ts) or,
// when the caller cannot see it, `errors: [{domain: global, reason: notFound}]` with no
// busy time. The emulator models no sharing: a user sees their own calendars only.
import type { Express } from 'express';
import type { EmulatorContext } from '../../core/context.js';
import type { Calendar } from '../../core/types.js';
import { gerr } from '../errors.js';
import { googleAuth } from '../auth.js';
import { handler, jsonBody } from '../calendar/handler.js';
import { formatInZone, isRfc3339, isValidTimeZone } from '../calendar/time.js';
import { busyBlocks } from './busy.js';

function time(v: unknown, name: string): number {
  if (v === undefined || v === null || v === '') throw gerr.required(`Missing ${name}.`);
  if (typeof v !== 'string' || !isRfc3339(v)) throw gerr.invalid(`Invalid value for: ${name}`, name);
  return Date.parse(v);
}

function itemIds(v: unknown, max: number): string[] {
  if (v === undefined) return [];
  if (!Array.isArray(v)) throw gerr.invalid('Invalid value for: items');
  const ids = v.map((i) => (i && typeof i === 'object' ? (i as Record<string, unknown>).id : undefined));
  if (ids.some((id) => typeof id !== 'string' || id === '')) throw gerr.required('Missing items.id.');
  if (ids.length > max) throw gerr.invalid(`At most ${max} calendars may be requested (calendarExpansionMax).`, 'calendarExpansionMax');
  return ids as string[];
}

export function registerFreeBusy(app: Express, ctx: EmulatorContext): void {
  app.post('/calendar/v3/freeBusy', ctx.route('google', 'freebusy.query'), googleAuth(ctx, 'freeBusy'), ctx.quotaGate('google'), handler((req, res) => {
    const b = jsonBody(req);
    const fromMs = time(b.timeMin, 'timeMin');
    const toMs = time(b.timeMax, 'timeMax');
    if (toMs <= fromMs) throw gerr.timeRangeEmpty();
    const tz = typeof b.timeZone === 'string' && b.timeZone !== '' ? b.timeZone : 'UTC';
    if (!isValidTimeZone(tz)) throw gerr.invalid('Invalid time zone definition.', 'timeZone');
    const max = b.calendarExpansionMax === undefined ? 50 : Number(b.calendarExpansionMax);
    if (!Number.isInteger(max) || max < 1 || max > 50) throw gerr.invalid('Invalid value for: calendarExpansionMax', 'calendarExpansionMax');
    const at = (ms: number) => (tz === 'UTC' ? new Date(ms).toISOString().replace('.000Z', 'Z') : formatInZone(ms, tz));
    const mine = ctx.state.calendars.filter((c) => c.provider === 'google' && c.ownerEmail === res.locals.user);
    const find = (id: string): Calendar | undefined => (id === 'primary' ? mine.find((c) => c.primary) : mine.find((c) => c.id === id));
    const calendars: Record<string, unknown> = {};
    for (const id of itemIds(b.items, max)) {
      const cal = find(id);
      if (!cal) {
        calendars[id] = { errors: [{ domain: 'global', reason: 'notFound' }], busy: [] };
        continue;
      }
      const events = [...ctx.state.events.values()].filter((e) => e.provider === 'google' && e.calendarId === cal.id);
      calendars[id] = { busy: busyBlocks(events, cal.timeZone, { fromMs, toMs }).map(([s, e]) => ({ start: at(s), end: at(e) })) };
    }
    res.json({ kind: 'calendar#freeBusy', timeMin: new Date(fromMs).toISOString(), timeMax: new Date(toMs).toISOString(), calendars });
  }));
}
