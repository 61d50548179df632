// Owns the control routes through which the account owner edits their own calendar "in
// Outlook" (a person, not our app), under /_emulator/microsoft/owner/events:
//   POST   /owner/events            {email, calendarId?, event}  create (a recurring series too)
//   PATCH  /owner/events/{eventId}  {email, event}              move / edit (an occurrence: it becomes an exception)
//   DELETE /owner/events/{eventId}  {email} or ?email=          delete (an occurrence: it is cancelled); answers {deleted}
// They go through the same write path as Graph calls (graph/event-store.ts), so an owner edit
// changes @odata.etag / changeKey / lastModifiedDateTime, shows in delta and fires change
// notifications exactly like an API write. No If-Match: the owner's edit always wins, which
// is what makes our app's next conditional write fail with 412.
// Answers: the event as Graph renders it (UTC, default REST id) plus `immutableId`.
import type { Express } from 'express';
import type { EmulatorContext } from '../core/context.js';
import { findAccount } from '../core/state.js';
import { accountEmail, guarded, type Body } from './control-input.js';
import { createEvent, findCalendar, primaryCalendar, recordOf } from './graph/event-store.js';
import { deleteTarget, findTarget, patchTarget, targetRecord } from './graph/event-targets.js';
import { renderEvent } from './graph/event-view.js';
import { parsePrefer } from './graph/prefer.js';
import type { GraphEventRecord } from './graph/event-record.js';

const eventBody = (b: Body): Body => {
  if (!b.event || typeof b.event !== 'object' || Array.isArray(b.event)) throw new Error("'event' must be an object of Graph event properties");
  return b.event as Body;
};

export function registerOwnerControl(app: Express, ctx: EmulatorContext, base: string): void {
  const render = (email: string, rec: GraphEventRecord) => ({
    ...renderEvent(rec, { prefs: parsePrefer(undefined), ownerEmail: email, ownerName: findAccount(ctx.state, 'microsoft', email)?.name ?? email }),
    immutableId: rec.id,
  });

  app.post(`${base}/owner/events`, guarded((b) => {
    const email = accountEmail(ctx, b);
    const cal = typeof b.calendarId === 'string' ? findCalendar(ctx, email, b.calendarId) : primaryCalendar(ctx, email);
    const { event } = createEvent(ctx, cal, eventBody(b));
    return { status: 201, body: render(email, recordOf(event)) };
  }));

  app.patch(`${base}/owner/events/:eventId`, guarded((b, req) => {
    const email = accountEmail(ctx, b);
    const target = findTarget(ctx, email, String(req.params.eventId));
    return render(email, targetRecord(patchTarget(ctx, target, eventBody(b))));
  }));

  app.delete(`${base}/owner/events/:eventId`, guarded((b, req) => {
    const email = accountEmail(ctx, b, req);
    deleteTarget(ctx, findTarget(ctx, email, String(req.params.eventId)));
    // JSON like every control call (the typed control client parses every answer).
    return { deleted: String(req.params.eventId) };
  }));
}
