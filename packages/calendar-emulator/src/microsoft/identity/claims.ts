// Who an account is, in the identity platform's terms: stable oid/tid, the id_token
// claims and the `client_info` blob MSAL turns into `homeAccountId = "<uid>.<utid>"`.
// Sources: entra-docs id-token-claims-reference.md; msal-common AccountEntity / ResponseHandler.
import { createHash } from 'node:crypto';

/** One emulated directory: every account lives in this tenant. */
export const EMULATOR_TENANT_ID = '72f988bf-0000-4000-8000-00000000e111';

/** Deterministic GUID from a string, so an account's oid survives resets and restarts. */
export function stableGuid(seed: string): string {
  const h = createHash('sha1').update(seed).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-8${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

export const objectIdFor = (email: string) => stableGuid(`ms-account:${email.toLowerCase()}`);

export interface IdentityAccount {
  email: string;
  name: string;
}

export function clientInfo(account: IdentityAccount): string {
  return Buffer.from(JSON.stringify({ uid: objectIdFor(account.email), utid: EMULATOR_TENANT_ID })).toString('base64url');
}

export interface IdTokenInput {
  account: IdentityAccount;
  clientId: string;
  issuer: string;
  nonce?: string;
  nowSec: number;
}

export function idTokenClaims(i: IdTokenInput): Record<string, unknown> {
  const oid = objectIdFor(i.account.email);
  const claims: Record<string, unknown> = {
    ver: '2.0',
    iss: i.issuer,
    aud: i.clientId,
    iat: i.nowSec,
    nbf: i.nowSec,
    exp: i.nowSec + 3600,
    sub: stableGuid(`sub:${i.clientId}:${oid}`), // pairwise per app, as AAD does
    oid,
    tid: EMULATOR_TENANT_ID,
    name: i.account.name,
    preferred_username: i.account.email,
    email: i.account.email,
  };
  if (i.nonce) claims.nonce = i.nonce;
  return claims;
}

export interface AccessTokenInput {
  account: IdentityAccount;
  clientId: string;
  issuer: string;
  scopes: string[];
  jti: string;
  nowSec: number;
  lifetimeSec: number;
}

/** Graph access tokens are JWTs whose audience is Graph; the emulator validates them by jti. */
export function accessTokenClaims(i: AccessTokenInput): Record<string, unknown> {
  return {
    aud: 'https://graph.microsoft.com',
    iss: `https://sts.windows.net/${EMULATOR_TENANT_ID}/`,
    iat: i.nowSec,
    nbf: i.nowSec,
    exp: i.nowSec + i.lifetimeSec,
    appid: i.clientId,
    oid: objectIdFor(i.account.email),
    tid: EMULATOR_TENANT_ID,
    upn: i.account.email,
    name: i.account.name,
    scp: i.scopes.join(' '),
    uti: i.jti,
    ver: '1.0',
  };
}
