// Owns the v2 token endpoint's grant rules: client authentication, authorization_code
// (single use, 10 min, redirect_uri match, PKCE S256/plain) and refresh_token (a NEW refresh
// token on every use; the old one is NOT revoked, per entra-docs refresh-tokens.md; 90-day
// sliding inactivity window -> AADSTS700082; revoked grant -> 50173).
// Throws AadError; the route turns it into the documented error body.
import { createHash, randomUUID } from 'node:crypto';
import type { EmulatorContext } from '../../core/context.js';
import { findAccount, findClient } from '../../core/state.js';
import { liveRefreshToken, mintRefreshToken } from '../../core/tokens.js';
import type { OAuthClient } from '../../core/types.js';
import { AadError } from './aad-error.js';
import { accessTokenClaims, clientInfo, idTokenClaims } from './claims.js';
import { signJwt, type SigningKey } from './jwt.js';
import { issuerFor } from './metadata.js';
import { msState } from '../state.js';

export const REFRESH_INACTIVITY_MS = 90 * 24 * 3600 * 1000;
const OIDC_SCOPES = new Set(['openid', 'profile', 'email', 'offline_access']);

export type Form = Record<string, string | undefined>;

export function authenticateClient(ctx: EmulatorContext, f: Form, basic: { id: string; secret: string } | undefined, tenant: string): OAuthClient {
  const clientId = basic?.id ?? f.client_id;
  const secret = basic?.secret ?? f.client_secret;
  const client = clientId ? findClient(ctx.state, 'microsoft', clientId) : undefined;
  if (!client) throw new AadError(700016, { vars: { clientId: clientId ?? '', tenant } });
  // Registered clients are confidential: a secret is mandatory. The dev client may act as a
  // public client (PKCE only) but a wrong secret is still refused.
  if (secret === undefined && !client.lenient) throw new AadError(7000218);
  if (secret !== undefined && secret !== client.clientSecret) throw new AadError(7000215, { vars: { clientId: client.clientId } });
  return client;
}

function pkceMatches(challenge: string, method: string | undefined, verifier: string): boolean {
  if (method === 'S256') return createHash('sha256').update(verifier).digest('base64url') === challenge;
  return verifier === challenge;
}

export interface TokenSubject { email: string; clientId: string; scopes: string[]; issueRefresh: boolean; nonce?: string }

export function redeemCode(ctx: EmulatorContext, client: OAuthClient, f: Form): TokenSubject {
  if (!f.code) throw new AadError(900144, { vars: { param: 'code' } });
  const code = ctx.state.codes.get(f.code);
  if (!code || code.provider !== 'microsoft' || code.clientId !== client.clientId) throw new AadError(70000);
  if (code.used) throw new AadError(54005);
  if (code.expiresAt <= ctx.clock.now()) throw new AadError(70008);
  if (f.redirect_uri !== code.redirectUri) throw new AadError(500112);
  if (code.codeChallenge && (!f.code_verifier || !pkceMatches(code.codeChallenge, code.codeChallengeMethod, f.code_verifier))) {
    throw new AadError(501481);
  }
  code.used = true;
  // A fresh sign-in clears a "sign-in frequency" / revocation failure mode for this user.
  delete msState(ctx).refreshFailures[code.email];
  return { email: code.email, clientId: client.clientId, scopes: code.scopes, issueRefresh: code.issueRefreshToken, ...(code.nonce ? { nonce: code.nonce } : {}) };
}

export function redeemRefreshToken(ctx: EmulatorContext, client: OAuthClient, f: Form): TokenSubject {
  if (!f.refresh_token) throw new AadError(900144, { vars: { param: 'refresh_token' } });
  const now = ctx.clock.now();
  const raw = ctx.state.refreshTokens.get(f.refresh_token);
  if (!raw || raw.provider !== 'microsoft') throw new AadError(9002313);
  if (raw.clientId !== client.clientId) throw new AadError(70000);
  const issued = new Date(raw.createdAt).toISOString();
  if (raw.revoked) throw new AadError(50173, { vars: { issued } });
  const failure = msState(ctx).refreshFailures[raw.email];
  if (failure && raw.createdAt <= failure.issuedBefore) {
    throw new AadError(failure.code, { vars: { issued }, ...(failure.suberror ? { suberror: failure.suberror } : {}) });
  }
  if (!liveRefreshToken(ctx.state, 'microsoft', raw.token, now)) throw new AadError(700082, { vars: { issued } });
  const requested = (f.scope ?? '').split(/\s+/).filter(Boolean);
  const missing = requested.filter((s) => !OIDC_SCOPES.has(s) && !raw.scopes.includes(s));
  if (missing.length) throw new AadError(65001, { vars: { clientId: client.clientId }, suberror: 'consent_required' });
  const scopes = requested.length ? requested : raw.scopes;
  return { email: raw.email, clientId: client.clientId, scopes, issueRefresh: true };
}

export function issueTokens(ctx: EmulatorContext, key: SigningKey, s: TokenSubject, wantClientInfo: boolean): Record<string, unknown> {
  const account = findAccount(ctx.state, 'microsoft', s.email);
  if (!account) throw new AadError(50034, { vars: { email: s.email } });
  const now = ctx.clock.now();
  const nowSec = Math.floor(now / 1000);
  const lifetime = msState(ctx).accessTokenLifetime;
  const resourceScopes = s.scopes.filter((x) => !OIDC_SCOPES.has(x));
  const issuer = issuerFor(ctx.urls.https);
  const accessToken = signJwt(key, accessTokenClaims({ account, clientId: s.clientId, issuer, scopes: resourceScopes, jti: randomUUID(), nowSec, lifetimeSec: lifetime }));
  ctx.state.accessTokens.set(accessToken, { token: accessToken, provider: 'microsoft', email: account.email, clientId: s.clientId, scopes: resourceScopes, expiresAt: now + lifetime * 1000 });
  const out: Record<string, unknown> = {
    token_type: 'Bearer',
    scope: s.scopes.join(' '),
    expires_in: lifetime,
    ext_expires_in: lifetime,
    access_token: accessToken,
  };
  if (s.issueRefresh) {
    const rt = mintRefreshToken(ctx.state, { provider: 'microsoft', email: account.email, clientId: s.clientId, scopes: s.scopes }, now, '1.AXkA');
    rt.expiresAt = now + REFRESH_INACTIVITY_MS;
    out.refresh_token = rt.token;
  }
  if (s.scopes.includes('openid')) {
    out.id_token = signJwt(key, idTokenClaims({ account, clientId: s.clientId, issuer, nowSec, ...(s.nonce ? { nonce: s.nonce } : {}) }));
  }
  if (wantClientInfo) out.client_info = clientInfo(account);
  return out;
}
