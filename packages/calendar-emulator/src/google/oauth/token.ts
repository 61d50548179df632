// Owns POST /token: the authorization_code and refresh_token grants (and hands the service
// accounts' JWT bearer grant to service-accounts.ts) with Google's semantics
// (provider-apis.md A1.2-A1.4): single-use codes bound to client + redirect_uri + PKCE,
// refresh tokens only when the code allows it, never rotated on refresh, and
// 400 invalid_grant "Token has been expired or revoked." once revoked or expired.
import { createHash, timingSafeEqual } from 'node:crypto';
import type { Express, Request, Response } from 'express';
import type { EmulatorContext } from '../../core/context.js';
import type { AuthCode, OAuthClient } from '../../core/types.js';
import { findAccount, findClient } from '../../core/state.js';
import { liveRefreshToken, mintAccessToken, mintRefreshToken } from '../../core/tokens.js';
import { mintIdToken, wantsIdToken } from './id-token.js';
import { JWT_BEARER, JwtGrantError, redeemJwtBearer } from './service-accounts.js';
import { maxRefreshTokensPerClient, refreshTokenTtlSeconds } from '../settings.js';

export const ACCESS_TOKEN_TTL_S = 3599;

class OAuthError extends Error {
  constructor(readonly status: number, readonly error: string, readonly description: string) {
    super(description);
  }
}
const invalidGrant = (d: string) => new OAuthError(400, 'invalid_grant', d);
const invalidRequest = (d: string) => new OAuthError(400, 'invalid_request', d);

/** client_secret_post (google-auth-library default) or client_secret_basic. */
function authenticateClient(ctx: EmulatorContext, req: Request, b: Record<string, string>): OAuthClient {
  let id = b.client_id;
  let secret = b.client_secret;
  const basic = /^Basic (.+)$/i.exec(req.headers.authorization ?? '');
  if (basic) {
    const [u, p] = Buffer.from(basic[1]!, 'base64').toString().split(':');
    id = decodeURIComponent(u ?? '');
    secret = decodeURIComponent(p ?? '');
  }
  if (!id) throw invalidRequest('Could not determine client ID from request.');
  const client = findClient(ctx.state, 'google', id);
  if (!client) throw new OAuthError(401, 'invalid_client', 'The OAuth client was not found.');
  if (!secret) throw invalidRequest('client_secret is missing.');
  const a = Buffer.from(secret);
  const e = Buffer.from(client.clientSecret);
  if (a.length !== e.length || !timingSafeEqual(a, e)) throw new OAuthError(401, 'invalid_client', 'Unauthorized');
  return client;
}

function checkPkce(code: AuthCode, verifier: string | undefined): void {
  if (!code.codeChallenge) {
    if (verifier) throw invalidRequest('code_verifier or verifier is not needed.');
    return;
  }
  if (!verifier) throw invalidGrant('Missing code verifier.');
  const computed = code.codeChallengeMethod === 'S256' ? createHash('sha256').update(verifier).digest('base64url') : verifier;
  if (computed !== code.codeChallenge) throw invalidGrant('Invalid code verifier.');
}

function tokenResponse(ctx: EmulatorContext, email: string, clientId: string, scopes: string[], refreshToken?: string) {
  const now = ctx.clock.now();
  const at = mintAccessToken(ctx.state, { provider: 'google', email, clientId, scopes }, now, ACCESS_TOKEN_TTL_S, 'ya29.');
  const account = findAccount(ctx.state, 'google', email)!;
  return {
    access_token: at.token,
    expires_in: ACCESS_TOKEN_TTL_S,
    ...(refreshToken ? { refresh_token: refreshToken } : {}),
    scope: scopes.join(' '),
    token_type: 'Bearer',
    ...(wantsIdToken(scopes) ? { id_token: mintIdToken(ctx.urls.http, clientId, account, now) } : {}),
  };
}

function exchangeCode(ctx: EmulatorContext, client: OAuthClient, b: Record<string, string>) {
  if (!b.code) throw invalidRequest('Missing required parameter: code');
  const code = ctx.state.codes.get(b.code);
  if (!code) throw invalidGrant('Malformed auth code.');
  if (code.used || code.expiresAt <= ctx.clock.now() || code.clientId !== client.clientId) throw invalidGrant('Bad Request');
  if (!b.redirect_uri) throw invalidRequest('Missing parameter: redirect_uri');
  if (b.redirect_uri !== code.redirectUri) throw new OAuthError(400, 'redirect_uri_mismatch', 'Bad Request');
  checkPkce(code, b.code_verifier);
  code.used = true;
  const subject = { provider: 'google' as const, email: code.email, clientId: client.clientId, scopes: code.scopes };
  const rt = code.issueRefreshToken ? issueRefreshToken(ctx, subject) : undefined;
  return tokenResponse(ctx, code.email, client.clientId, code.scopes, rt?.token);
}

/** Mints a refresh token under the lifecycle knobs: optional TTL, cap of live tokens (oldest die). */
function issueRefreshToken(ctx: EmulatorContext, subject: { provider: 'google'; email: string; clientId: string; scopes: string[] }) {
  const now = ctx.clock.now();
  const rt = mintRefreshToken(ctx.state, subject, now, '1//0g');
  const ttl = refreshTokenTtlSeconds(ctx);
  if (ttl !== undefined) rt.expiresAt = now + ttl * 1000;
  const live = [...ctx.state.refreshTokens.values()]
    .filter((t) => t.provider === 'google' && t.email === subject.email && t.clientId === subject.clientId && !t.revoked)
    .sort((a, b) => a.createdAt - b.createdAt);
  for (const old of live.slice(0, Math.max(0, live.length - maxRefreshTokensPerClient(ctx)))) old.revoked = true;
  return rt;
}

function refresh(ctx: EmulatorContext, client: OAuthClient, b: Record<string, string>) {
  if (!b.refresh_token) throw invalidRequest('Missing required parameter: refresh_token');
  const rt = liveRefreshToken(ctx.state, 'google', b.refresh_token, ctx.clock.now());
  if (!rt) throw invalidGrant('Token has been expired or revoked.');
  if (rt.clientId !== client.clientId) throw new OAuthError(401, 'unauthorized_client', 'Unauthorized');
  // Google never rotates: the response carries no refresh_token.
  return tokenResponse(ctx, rt.email, client.clientId, rt.scopes);
}

export function registerToken(app: Express, ctx: EmulatorContext): void {
  app.post('/token', ctx.route('google', 'token'), (req: Request, res: Response) => {
    const b = (req.body ?? {}) as Record<string, string>;
    try {
      // A service account authenticates by the assertion's signature, not a client secret.
      if (b.grant_type === JWT_BEARER) return void res.json(redeemJwtBearer(ctx, b.assertion));
      const client = authenticateClient(ctx, req, b);
      if (b.grant_type === 'authorization_code') return void res.json(exchangeCode(ctx, client, b));
      if (b.grant_type === 'refresh_token') return void res.json(refresh(ctx, client, b));
      if (!b.grant_type) throw invalidRequest('Missing required parameter: grant_type');
      throw new OAuthError(400, 'unsupported_grant_type', `Invalid grant_type: ${b.grant_type}`);
    } catch (e) {
      if (e instanceof JwtGrantError) return void res.setHeader('Cache-Control', 'no-store').status(e.status).json({ error: e.error, error_description: e.description });
      if (!(e instanceof OAuthError)) throw e;
      res.setHeader('Cache-Control', 'no-store');
      res.status(e.status).json({ error: e.error, error_description: e.description });
    }
  });
}
