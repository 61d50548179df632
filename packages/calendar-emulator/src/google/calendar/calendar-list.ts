// Owns calendarList.list / calendarList.get / calendars.get (provider-apis.md A2.1): the
// user's calendars with accessRole owner (writable) or reader (read-only, e.g. Holidays).
import type { Express } from 'express';
import type { EmulatorContext } from '../../core/context.js';
import type { Calendar } from '../../core/types.js';
import { gerr } from '../errors.js';
import { googleAuth } from '../auth.js';
import { accessRole, resolveCalendar } from './access.js';
import { handler, param } from './handler.js';
import { stableHash } from '../../core/ids.js';

const COLORS = [
  { colorId: '14', backgroundColor: '#9fe1e7', foregroundColor: '#000000' },
  { colorId: '9', backgroundColor: '#7bd148', foregroundColor: '#000000' },
  { colorId: '3', backgroundColor: '#f83a22', foregroundColor: '#000000' },
];

const etagOf = (cal: Calendar) => `"${parseInt(stableHash(cal.id, cal.name, String(cal.canWrite)).slice(0, 12), 16)}"`;

export function calendarListEntry(cal: Calendar, index: number) {
  return {
    kind: 'calendar#calendarListEntry',
    etag: etagOf(cal),
    id: cal.id,
    summary: cal.name,
    timeZone: cal.timeZone,
    ...COLORS[index % COLORS.length]!,
    selected: true,
    accessRole: accessRole(cal),
    defaultReminders: cal.canWrite ? [{ method: 'popup', minutes: 10 }] : [],
    ...(cal.primary ? { primary: true } : {}),
    conferenceProperties: { allowedConferenceSolutionTypes: ['hangoutsMeet'] },
  };
}

export function registerCalendarList(app: Express, ctx: EmulatorContext): void {
  const gate = (name: string) => [ctx.route('google', name), googleAuth(ctx, 'calendarList'), ctx.quotaGate('google')];
  const mine = (email: string) => ctx.state.calendars.filter((c) => c.provider === 'google' && c.ownerEmail === email);

  app.get('/calendar/v3/users/me/calendarList', ...gate('calendarList.list'), handler((req, res) => {
    const q = req.query as Record<string, unknown>;
    const max = q.maxResults === undefined ? 100 : Number(q.maxResults);
    if (!Number.isInteger(max) || max < 1 || max > 250) throw gerr.invalid(`Invalid value '${String(q.maxResults)}'. Values must be within the range: [1, 250]`, 'maxResults');
    const role = q.minAccessRole;
    const all = mine(res.locals.user)
      .map((c, i) => calendarListEntry(c, i))
      .filter((e) => role !== 'owner' && role !== 'writer' ? true : e.accessRole === 'owner');
    const offset = typeof q.pageToken === 'string' ? Number(Buffer.from(q.pageToken, 'base64url').toString()) || 0 : 0;
    const items = all.slice(offset, offset + max);
    const more = offset + max < all.length;
    res.json({
      kind: 'calendar#calendarList',
      etag: `"p3${ctx.state.calendars.length}"`,
      ...(more
        ? { nextPageToken: Buffer.from(String(offset + max)).toString('base64url') }
        : { nextSyncToken: Buffer.from(`cl${ctx.state.calendars.length}`).toString('base64url') }),
      items,
    });
  }));

  app.get('/calendar/v3/users/me/calendarList/:calendarId', ...gate('calendarList.get'), handler((req, res) => {
    const cal = resolveCalendar(ctx, res.locals.user, param(req, 'calendarId'));
    res.json(calendarListEntry(cal, mine(res.locals.user).indexOf(cal)));
  }));

  app.get('/calendar/v3/calendars/:calendarId', ...gate('calendars.get'), handler((req, res) => {
    const cal = resolveCalendar(ctx, res.locals.user, param(req, 'calendarId'));
    res.json({ kind: 'calendar#calendar', etag: etagOf(cal), id: cal.id, summary: cal.name, timeZone: cal.timeZone });
  }));
}
