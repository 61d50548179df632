// Owns the Microsoft-only control routes, on the HTTP origin under /_emulator/microsoft/:
//   POST /settings          {duplicateTransactionId?: 'return'|'conflict', randomPageSizes?, deltaReplays?, accessTokenLifetime?}
//   POST /refresh-failure   {email, code: 700082|70043|50173|70008, suberror?}: the user's current
//                           refresh tokens fail with that AADSTS code until the next sign-in
//   DELETE /refresh-failure {email}
//   POST /delta/invalidate  every outstanding delta/next link answers 410 (full resync)
//   POST /events            {email, calendarId?, event}: an event "made in Outlook" (any calendar,
//                           read-only ones included), returns it as Graph renders it
//   POST /events/move       {email, eventId, calendarId}: the user moves an event; its REST id changes
//   /owner/events...        the account owner edits their calendar in Outlook (owner-control.ts)
//   /subscriptions...       change-notification read-back, lifecycle triggers, delivery faults (subscription-control.ts)
//   /admin-consent, /access-policy  app-only access: consent withdrawn, mailboxes allowed (app-only-control.ts)
import { randomUUID } from 'node:crypto';
import type { Express } from 'express';
import type { EmulatorContext } from '../core/context.js';
import type { AadCode } from './identity/aad-error.js';
import { AADSTS } from './identity/aad-error.js';
import { createRecord } from './graph/event-record.js';
import { findCalendar, findEvent, moveEvent, primaryCalendar, recordOf } from './graph/event-store.js';
import { restIdOf } from './graph/event-view.js';
import { eventKey, nextChangeSeq } from '../core/state.js';
import { msState } from './state.js';
import { accountEmail, guarded, type Body } from './control-input.js';
import { registerOwnerControl } from './owner-control.js';
import { registerSubscriptionControl } from './subscription-control.js';
import { registerAppOnlyControl } from './app-only-control.js';

const email = (ctx: EmulatorContext, b: Body) => accountEmail(ctx, b);

export function registerMicrosoftControl(app: Express, ctx: EmulatorContext): void {
  const base = '/_emulator/microsoft';
  app.post(`${base}/settings`, guarded((b) => {
    const s = msState(ctx);
    if (b.duplicateTransactionId === 'return' || b.duplicateTransactionId === 'conflict') s.duplicateTransactionId = b.duplicateTransactionId;
    if (typeof b.randomPageSizes === 'boolean') s.randomPageSizes = b.randomPageSizes;
    if (typeof b.deltaReplays === 'boolean') s.deltaReplays = b.deltaReplays;
    if (typeof b.accessTokenLifetime === 'number' && b.accessTokenLifetime > 0) s.accessTokenLifetime = Math.floor(b.accessTokenLifetime);
    const { refreshFailures: _f, deltaGeneration: _g, ...settings } = s;
    return settings;
  }));

  app.post(`${base}/refresh-failure`, guarded((b) => {
    const who = email(ctx, b);
    const code = Number(b.code) as AadCode;
    if (!(code in AADSTS)) throw new Error(`unknown AADSTS code ${String(b.code)}`);
    const failure = { code, issuedBefore: ctx.clock.now(), ...(typeof b.suberror === 'string' ? { suberror: b.suberror } : {}) };
    msState(ctx).refreshFailures[who] = failure;
    return { email: who, ...failure };
  }));
  app.delete(`${base}/refresh-failure`, guarded((b) => {
    delete msState(ctx).refreshFailures[email(ctx, b)];
    return { ok: true };
  }));

  app.post(`${base}/delta/invalidate`, guarded(() => {
    msState(ctx).deltaGeneration = randomUUID();
    return { ok: true };
  }));

  app.post(`${base}/events`, guarded((b) => {
    const who = email(ctx, b);
    const cal = typeof b.calendarId === 'string' ? findCalendar(ctx, who, b.calendarId) : primaryCalendar(ctx, who);
    const rec = createRecord(cal.id, (b.event ?? {}) as Body, ctx.clock.now());
    ctx.state.events.set(eventKey('microsoft', cal.id, rec.id), {
      provider: 'microsoft', calendarId: cal.id, id: rec.id, deleted: false, changeSeq: nextChangeSeq(ctx.state), body: rec as unknown as Body,
    });
    return { id: restIdOf(rec), immutableId: rec.id, calendarId: cal.id };
  }));

  app.post(`${base}/events/move`, guarded((b) => {
    const who = email(ctx, b);
    const e = findEvent(ctx, who, String(b.eventId ?? ''));
    const moved = moveEvent(ctx, e, findCalendar(ctx, who, String(b.calendarId ?? '')));
    return { id: restIdOf(recordOf(moved)), immutableId: moved.id, calendarId: moved.calendarId };
  }));

  registerOwnerControl(app, ctx, base);
  registerSubscriptionControl(app, ctx, base);
  registerAppOnlyControl(app, ctx, base);
}
