// Owns the client-credentials grant of the v2 token endpoint: an application, with its own
// secret and no user, gets an app-only Graph token for a tenant whose administrator consented
// (admin-consent.ts). The token carries the application permissions as `roles` and has no
// `scp` (no delegated scope) nor `upn`: it acts as no user, so Graph reaches mailboxes only
// through /users/{id | userPrincipalName} (graph/users-routes.ts). No refresh token is issued.
// Sources: entra-docs v2-oauth2-client-creds-grant-flow.md ("First case: Access token request
// with a shared secret": scope `https://graph.microsoft.com/.default`, tenant-specific
// endpoint; "Successful response": token_type, expires_in, ext_expires_in, access_token),
// access-token-claims-reference.md (`roles`, `idtyp: app`, `scp` absent for app-only tokens).
import { randomUUID } from 'node:crypto';
import type { EmulatorContext } from '../../core/context.js';
import type { OAuthClient } from '../../core/types.js';
import { msState } from '../state.js';
import { AadError } from './aad-error.js';
import { EMULATOR_TENANT_ID, stableGuid } from './claims.js';
import { signJwt, type SigningKey } from './jwt.js';
import type { Form } from './token-grants.js';

/** The application permission the admin consented to (the emulator registers only this one). */
export const APP_ROLES = ['Calendars.ReadWrite'];
/** Tenants that name no directory: a client-credentials request must name the tenant. */
const MULTI_TENANT_ALIASES = new Set(['common', 'organizations', 'consumers']);

/** The service principal's object id: stable per client, as AAD's is per tenant. */
export const servicePrincipalIdFor = (clientId: string) => stableGuid(`ms-sp:${clientId}`);

export function issueAppToken(ctx: EmulatorContext, key: SigningKey, client: OAuthClient, tenant: string, f: Form): Record<string, unknown> {
  if (MULTI_TENANT_ALIASES.has(tenant)) throw new AadError(900023, { vars: { tenant } });
  const scopes = (f.scope ?? '').split(/\s+/).filter(Boolean);
  if (scopes.length === 0) throw new AadError(900144, { vars: { param: 'scope' } });
  if (scopes.length !== 1 || !scopes[0]!.endsWith('/.default')) throw new AadError(1002012, { vars: { scope: scopes.join(' ') } });
  // No consent (never given, or withdrawn): the tenant holds no service principal for the app.
  if (!msState(ctx).adminConsents[client.clientId]) throw new AadError(7000229, { vars: { clientId: client.clientId, tenant } });

  const now = ctx.clock.now();
  const nowSec = Math.floor(now / 1000);
  const lifetime = msState(ctx).accessTokenLifetime;
  const claims = {
    aud: 'https://graph.microsoft.com',
    iss: `https://sts.windows.net/${EMULATOR_TENANT_ID}/`,
    iat: nowSec,
    nbf: nowSec,
    exp: nowSec + lifetime,
    appid: client.clientId,
    idtyp: 'app',
    oid: servicePrincipalIdFor(client.clientId),
    sub: servicePrincipalIdFor(client.clientId),
    tid: EMULATOR_TENANT_ID,
    roles: APP_ROLES,
    uti: randomUUID(),
    ver: '1.0',
  };
  const accessToken = signJwt(key, claims);
  ctx.state.accessTokens.set(accessToken, {
    token: accessToken, provider: 'microsoft', email: '', clientId: client.clientId, scopes,
    expiresAt: now + lifetime * 1000, appOnly: { tenant: EMULATOR_TENANT_ID, roles: APP_ROLES },
  });
  return { token_type: 'Bearer', expires_in: lifetime, ext_expires_in: lifetime, access_token: accessToken };
}

/** Consent withdrawn (the admin removed the app from the tenant): its app tokens stop working too. */
export function withdrawAdminConsent(ctx: EmulatorContext, clientId: string): boolean {
  const had = Boolean(msState(ctx).adminConsents[clientId]);
  delete msState(ctx).adminConsents[clientId];
  for (const [k, at] of ctx.state.accessTokens) if (at.appOnly && at.clientId === clientId) ctx.state.accessTokens.delete(k);
  return had;
}
