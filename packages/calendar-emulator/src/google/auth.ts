// Owns authentication of Calendar v3 calls: Bearer access token -> account, 401 authError for
// a missing/unknown/expired token, 403 insufficientPermissions when the token's scopes do not
// cover the call (developers.google.com/calendar/api/auth lists which scope allows what).
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import type { EmulatorContext } from '../core/context.js';
import { authenticate } from '../core/tokens.js';
import { gerr, sendGoogleError } from './errors.js';

const S = 'https://www.googleapis.com/auth/';
export const CALENDAR_SCOPE = `${S}calendar`;

export type Need = 'calendarList' | 'readEvents' | 'writeEvents' | 'freeBusy';

const ALLOWED: Record<Need, string[]> = {
  calendarList: ['calendar', 'calendar.readonly', 'calendar.calendarlist', 'calendar.calendarlist.readonly'].map((s) => S + s),
  readEvents: ['calendar', 'calendar.readonly', 'calendar.events', 'calendar.events.readonly'].map((s) => S + s),
  writeEvents: ['calendar', 'calendar.events'].map((s) => S + s),
  // freebusy/query reference: these four scopes.
  freeBusy: ['calendar', 'calendar.readonly', 'calendar.events.freebusy', 'calendar.freebusy'].map((s) => S + s),
};

export function googleAuth(ctx: EmulatorContext, need: Need): RequestHandler {
  return (req: Request, res: Response, next: NextFunction) => {
    const m = /^Bearer\s+(\S+)$/i.exec(req.headers.authorization ?? '');
    if (!m) return sendGoogleError(res, gerr.loginRequired());
    const at = authenticate(ctx.state, 'google', m[1]!, ctx.clock.now());
    if (!at) return sendGoogleError(res, gerr.authError());
    res.locals.user = at.email;
    if (!at.scopes.some((s) => ALLOWED[need].includes(s))) return sendGoogleError(res, gerr.insufficientScopes());
    next();
  };
}
