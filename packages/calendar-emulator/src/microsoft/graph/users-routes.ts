// Owns `/v1.0/users/{id | userPrincipalName}/...`: every `/me` route of this emulator also
// answers under a named mailbox, the way an app-only token (client credentials) must call
// Graph. A front middleware records the mailbox the URL names (res.locals.mailbox) and
// rewrites the URL to the `/me` form, so one set of routes serves both; graphAuth
// (graph-http.ts) then decides who the caller may act as:
//   - an app-only token: the named mailbox, if the tenant's application access policy for
//     the app includes it (403 ErrorAccessDenied otherwise); `/me` itself is refused (400);
//   - a delegated token: only its own mailbox (another one: 403, no sharing is emulated).
// An id that names no account: 404 ErrorInvalidUser.
// Sources: graph/api/user-list-events ("GET /users/{id | userPrincipalName}/events"),
// graph/auth-limit-mailbox-access ("Limiting application permissions to specific Exchange
// Online mailboxes": access outside the policy is denied), access policy error text as
// reported by users: "Access to OData is disabled: [RAOP] : Blocked by tenant configured
// AppOnly AccessPolicy settings." (U: the exact wording).
import type { Express, NextFunction, Request, Response } from 'express';
import type { EmulatorContext } from '../../core/context.js';
import type { Account } from '../../core/types.js';
import { objectIdFor } from '../identity/claims.js';
import { msState } from '../state.js';
import { GraphHttpError } from './graph-error.js';

const USERS_PATH = /^\/v1\.0\/users\/([^/?]+)(\/[^?]*)?(\?.*)?$/;

export function registerUsersRewrite(app: Express): void {
  app.use((req: Request, res: Response, next: NextFunction) => {
    const m = USERS_PATH.exec(req.url);
    if (!m) return next();
    res.locals.mailbox = decodeURIComponent(m[1]!);
    req.url = `/v1.0/me${m[2] ?? ''}${m[3] ?? ''}`;
    next();
  });
}

/** The account a `/users/{id}` segment names: its object id or its address (userPrincipalName). */
export function resolveMailbox(ctx: EmulatorContext, id: string): Account | undefined {
  const wanted = id.toLowerCase();
  return ctx.state.accounts.find((a) => a.provider === 'microsoft' && (a.email.toLowerCase() === wanted || objectIdFor(a.email) === wanted));
}

/** Whether the access policy set for `clientId` (if any) lets its app-only tokens reach `email`. */
export function policyAllows(ctx: EmulatorContext, clientId: string, email: string): boolean {
  const policy = msState(ctx).accessPolicies[clientId];
  return !policy || policy.includes(email.toLowerCase());
}

export const usersErrors = {
  invalidUser: (id: string) => new GraphHttpError(404, 'ErrorInvalidUser', `The requested user '${id}' is invalid.`),
  meNeedsUser: () => new GraphHttpError(400, 'BadRequest', '/me request is only valid with delegated authentication flow.'),
  blockedByPolicy: () => new GraphHttpError(403, 'ErrorAccessDenied', 'Access to OData is disabled: [RAOP] : Blocked by tenant configured AppOnly AccessPolicy settings.'),
};
