// Owns the control routes of app-only access (HTTP origin, under /_emulator/microsoft/):
//   POST   /admin-consent   {clientId?}: what an administrator's "Accept" on /adminconsent does
//   DELETE /admin-consent   {clientId?}: the administrator withdraws it (removes the enterprise
//                           app): client-credentials requests then fail with AADSTS7000229 and
//                           the app's outstanding app-only tokens stop working (401)
//   POST   /access-policy   {clientId?, mailboxes: string[] | null}: an Exchange application
//                           access policy (RestrictAccess to a group holding these mailboxes);
//                           null removes it. App-only calls outside it: 403 ErrorAccessDenied
//   GET    /app-only        consents and policies, for tests and the viewer
// `clientId` defaults to the emulator's default Microsoft client.
import type { Express } from 'express';
import type { EmulatorContext } from '../core/context.js';
import { findClient } from '../core/state.js';
import { guarded, type Body } from './control-input.js';
import { grantAdminConsent } from './identity/admin-consent.js';
import { withdrawAdminConsent } from './identity/client-credentials.js';
import { msState } from './state.js';

function clientIdOf(ctx: EmulatorContext, b: Body): string {
  if (typeof b.clientId === 'string') {
    if (!findClient(ctx.state, 'microsoft', b.clientId)) throw new Error(`no microsoft client '${b.clientId}'`);
    return b.clientId;
  }
  const fallback = ctx.state.clients.find((c) => c.provider === 'microsoft' && c.lenient);
  if (!fallback) throw new Error('no default microsoft client');
  return fallback.clientId;
}

export function registerAppOnlyControl(app: Express, ctx: EmulatorContext, base: string): void {
  app.post(`${base}/admin-consent`, guarded((b) => {
    const clientId = clientIdOf(ctx, b);
    grantAdminConsent(ctx, clientId);
    return { clientId, consented: true };
  }));
  app.delete(`${base}/admin-consent`, guarded((b) => {
    const clientId = clientIdOf(ctx, b);
    return { clientId, withdrawn: withdrawAdminConsent(ctx, clientId) };
  }));
  app.post(`${base}/access-policy`, guarded((b) => {
    const clientId = clientIdOf(ctx, b);
    if (b.mailboxes === null) {
      delete msState(ctx).accessPolicies[clientId];
      return { clientId, mailboxes: null };
    }
    if (!Array.isArray(b.mailboxes) || b.mailboxes.some((m) => typeof m !== 'string')) throw new Error('mailboxes: an array of addresses, or null');
    const mailboxes = (b.mailboxes as string[]).map((m) => m.toLowerCase());
    msState(ctx).accessPolicies[clientId] = mailboxes;
    return { clientId, mailboxes };
  }));
  app.get(`${base}/app-only`, guarded(() => ({ adminConsents: msState(ctx).adminConsents, accessPolicies: msState(ctx).accessPolicies })));
}
