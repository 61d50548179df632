// Owns `POST /v1.0/me/calendar/getSchedule`: free/busy of each address in `schedules` over
// [startTime, endTime) (dateTimeTimeZone), from that person's default calendar, recurring
// series expanded, cancelled occurrences and deleted events left out, `showAs: free` events
// listed but not busy. Times render in `Prefer: outlook.timezone` (UTC otherwise). An address
// that is not an emulator account gets an item with `error` (ErrorMailRecipientNotFound), not a
// failed request. Body keys are accepted in any case (the docs' example uses PascalCase).
// Sources: graph/api/calendar-getschedule, graph/outlook-get-free-busy-schedule (default calendar).
import type { Express, Request } from 'express';
import type { EmulatorContext } from '../../../core/context.js';
import { findAccount } from '../../../core/state.js';
import { primaryCalendar, userEvents } from '../event-store.js';
import { graphErrors } from '../graph-error.js';
import { graphAuth, graphHandler } from '../graph-http.js';
import { parsePrefer, preferenceApplied } from '../prefer.js';
import { viewRecords } from '../recurrence/view.js';
import { InvalidDateTimeError, toEpochMs, UnknownTimeZoneError } from '../time-zones.js';
import { availabilityView, scheduleItem } from './availability.js';

type Body = Record<string, unknown>;

function field(b: Body, name: string): unknown {
  const key = Object.keys(b).find((k) => k.toLowerCase() === name.toLowerCase());
  return key === undefined ? undefined : b[key];
}

function instant(v: unknown, name: string): number {
  const o = (v && typeof v === 'object' ? v : {}) as Body;
  const dateTime = field(o, 'dateTime');
  const zone = field(o, 'timeZone');
  if (typeof dateTime !== 'string') throw graphErrors.badRequest(`'${name}' must be a dateTimeTimeZone.`, 'ErrorInvalidParameter');
  try {
    return toEpochMs(dateTime, typeof zone === 'string' && zone ? zone : 'UTC');
  } catch (e) {
    if (e instanceof UnknownTimeZoneError || e instanceof InvalidDateTimeError) throw graphErrors.badRequest(e.message, 'ErrorInvalidParameter');
    throw e;
  }
}

function parse(req: Request) {
  const b = (req.body && typeof req.body === 'object' ? req.body : {}) as Body;
  const schedules = field(b, 'schedules');
  if (!Array.isArray(schedules) || schedules.length === 0 || !schedules.every((s) => typeof s === 'string')) {
    throw graphErrors.badRequest("'schedules' must be a non-empty array of SMTP addresses.", 'ErrorInvalidParameter');
  }
  const startMs = instant(field(b, 'startTime'), 'startTime');
  const endMs = instant(field(b, 'endTime'), 'endTime');
  if (endMs <= startMs) throw graphErrors.badRequest('The endTime must be after the startTime.', 'ErrorInvalidParameter');
  const rawInterval = field(b, 'availabilityViewInterval');
  const interval = rawInterval === undefined ? 30 : Number(rawInterval);
  if (!Number.isInteger(interval) || interval < 5 || interval > 1440) {
    throw graphErrors.badRequest('availabilityViewInterval must be between 5 and 1440 minutes.', 'ErrorInvalidParameter');
  }
  return { schedules: schedules as string[], startMs, endMs, interval };
}

export function registerScheduleRoute(app: Express, ctx: EmulatorContext): void {
  const gate = [ctx.route('microsoft', 'graph.getSchedule'), graphAuth(ctx, 'read'), ctx.quotaGate('microsoft')];
  app.post('/v1.0/me/calendar/getSchedule', ...gate, graphHandler((req, res) => {
    const caller = res.locals.user as string;
    const { schedules, startMs, endMs, interval } = parse(req);
    const prefs = parsePrefer(req.headers.prefer);
    const value = schedules.map((address) => {
      const account = findAccount(ctx.state, 'microsoft', address);
      if (!account) {
        return { scheduleId: address, availabilityView: '', scheduleItems: [], error: {
          message: `Microsoft.Exchange.InfoWorker.Common.Availability.MailRecipientNotFoundException: Unable to resolve e-mail address <>SMTP:${address} to an Active Directory object.`,
          responseCode: 'ErrorMailRecipientNotFound',
        } };
      }
      const items = viewRecords(userEvents(ctx, account.email), primaryCalendar(ctx, account.email).id, startMs, endMs);
      return {
        scheduleId: address,
        availabilityView: availabilityView(items, startMs, endMs, interval),
        scheduleItems: items.map((r) => scheduleItem(r, prefs.timeZone, account.email === caller)),
        workingHours: { daysOfWeek: ['monday', 'tuesday', 'wednesday', 'thursday', 'friday'], startTime: '08:00:00.0000000', endTime: '17:00:00.0000000', timeZone: { name: 'Romance Standard Time' } },
      };
    });
    const applied = preferenceApplied(prefs, false);
    const headers: Record<string, string> = applied ? { 'Preference-Applied': applied } : {};
    return { status: 200, headers, body: { '@odata.context': `${ctx.urls.https}/v1.0/$metadata#Collection(microsoft.graph.scheduleInformation)`, value } };
  }));
}
