// Owns `/v1.0/me`, `/v1.0/me/calendars[/{id}]` and `/v1.0/me/calendar`: the user's profile and
// calendars in Graph's shape (canEdit false for read-only calendars), and creating a calendar
// (POST /me/calendars {name}: 201; a name already used: 409 ErrorFolderExists).
// Source: graph/api/resources/calendar, user-list-calendars, user-post-calendars.
import type { Express, Request, Response } from 'express';
import type { EmulatorContext } from '../../core/context.js';
import { addCalendar, findAccount } from '../../core/state.js';
import type { Calendar } from '../../core/types.js';
import { objectIdFor } from '../identity/claims.js';
import { findCalendar, primaryCalendar, userCalendars } from './event-store.js';
import { GraphHttpError, graphErrors } from './graph-error.js';
import { graphAuth, graphHandler } from './graph-http.js';

export function renderCalendar(cal: Calendar, ownerName: string): Record<string, unknown> {
  return {
    id: cal.id,
    name: cal.name,
    color: 'auto',
    hexColor: '',
    isDefaultCalendar: cal.primary,
    changeKey: Buffer.from(cal.id).toString('base64').slice(0, 22),
    canShare: cal.canWrite,
    canViewPrivateItems: cal.canWrite,
    canEdit: cal.canWrite,
    allowedOnlineMeetingProviders: ['teamsForBusiness'],
    defaultOnlineMeetingProvider: 'teamsForBusiness',
    isTallyingResponses: cal.canWrite,
    isRemovable: !cal.primary,
    owner: { name: ownerName, address: cal.ownerEmail },
  };
}

const user = (res: Response) => res.locals.user as string;

export function registerCalendarRoutes(app: Express, ctx: EmulatorContext): void {
  const gate = (name: string) => [ctx.route('microsoft', name), graphAuth(ctx, name === 'graph.me' ? 'any' : 'read'), ctx.quotaGate('microsoft')];
  const nameOf = (email: string) => findAccount(ctx.state, 'microsoft', email)?.name ?? email;
  const context = (email: string, path: string) => `${ctx.urls.https}/v1.0/$metadata#users('${objectIdFor(email)}')/${path}`;

  app.get('/v1.0/me', ...gate('graph.me'), graphHandler((_req: Request, res) => {
    const email = user(res);
    return { status: 200, body: {
      '@odata.context': `${ctx.urls.https}/v1.0/$metadata#users/$entity`, id: objectIdFor(email), displayName: nameOf(email),
      mail: email, userPrincipalName: email, givenName: null, surname: null, jobTitle: null, businessPhones: [],
    } };
  }));

  app.get('/v1.0/me/calendars', ...gate('graph.calendars.list'), graphHandler((_req, res) => {
    const email = user(res);
    return { status: 200, body: { '@odata.context': context(email, 'calendars'), value: userCalendars(ctx, email).map((c) => renderCalendar(c, nameOf(email))) } };
  }));

  app.post('/v1.0/me/calendars', ctx.route('microsoft', 'graph.calendars.create'), graphAuth(ctx, 'write'), ctx.quotaGate('microsoft'), graphHandler((req, res) => {
    const email = user(res);
    const name = (req.body as { name?: unknown } | undefined)?.name;
    if (typeof name !== 'string' || !name.trim()) throw graphErrors.badRequest("The property 'name' is required.", 'ErrorInvalidRequest');
    if (userCalendars(ctx, email).some((c) => c.name.toLowerCase() === name.trim().toLowerCase())) {
      throw new GraphHttpError(409, 'ErrorFolderExists', 'A folder with the specified name already exists.');
    }
    const cal = addCalendar(ctx.state, 'microsoft', email, name.trim(), true, false);
    return { status: 201, body: { '@odata.context': context(email, 'calendars/$entity'), ...renderCalendar(cal, nameOf(email)) } };
  }));

  app.get('/v1.0/me/calendars/:calendarId', ...gate('graph.calendars.get'), graphHandler((req, res) => {
    const email = user(res);
    const cal = findCalendar(ctx, email, String(req.params.calendarId));
    return { status: 200, body: { '@odata.context': context(email, 'calendars/$entity'), ...renderCalendar(cal, nameOf(email)) } };
  }));

  app.get('/v1.0/me/calendar', ...gate('graph.calendars.get'), graphHandler((_req, res) => {
    const email = user(res);
    return { status: 200, body: { '@odata.context': context(email, 'calendar/$entity'), ...renderCalendar(primaryCalendar(ctx, email), nameOf(email)) } };
  }));
}
