// Owns the decision of the v2 authorize endpoint: validate the request, pick the account
// (consent mode + login_hint), mint the single-use code and build the redirect.
// Errors before the redirect URI is trusted are shown as a page (AAD never redirects to an
// unregistered URI); later errors go back to the app as `?error=...&error_description=...`.
// Source: entra-docs v2-oauth2-auth-code-flow.md (Request an authorization code; Error response).
import { randomBytes } from 'node:crypto';
import type { EmulatorContext } from '../../core/context.js';
import { findAccount, findClient, redirectUriAllowed } from '../../core/state.js';
import { findGrant, recordGrant } from '../../core/tokens.js';
import type { Account, AuthCode } from '../../core/types.js';
import { aadError, type AadCode } from './aad-error.js';
import { clientInfo } from './claims.js';
import { KNOWN_TENANTS } from './metadata.js';

export const CODE_LIFETIME_MS = 10 * 60 * 1000;

export type AuthorizeOutcome =
  | { kind: 'page-error'; status: number; code: AadCode; description: string }
  | { kind: 'redirect'; url: string; formPost?: Record<string, string> }
  | { kind: 'consent-page'; accounts: Account[]; hint?: string };

export type Params = Record<string, string | undefined>;

function pageError(code: AadCode, vars: Record<string, string>): AuthorizeOutcome {
  const e = aadError(code, { vars });
  return { kind: 'page-error', status: e.status, code, description: String(e.body.error_description) };
}

function respond(p: Params, fields: Record<string, string>): AuthorizeOutcome {
  const redirect = p.redirect_uri as string;
  const all = { ...fields, ...(p.state !== undefined ? { state: p.state } : {}) };
  const mode = p.response_mode ?? 'query';
  if (mode === 'form_post') return { kind: 'redirect', url: redirect, formPost: all };
  const url = new URL(redirect);
  const qs = new URLSearchParams(all).toString();
  if (mode === 'fragment') return { kind: 'redirect', url: `${url.toString().split('#')[0]}#${qs}` };
  for (const [k, v] of Object.entries(all)) url.searchParams.set(k, v);
  return { kind: 'redirect', url: url.toString() };
}

export function redirectError(p: Params, code: AadCode, extra: Record<string, string> = {}, vars: Record<string, string> = {}): AuthorizeOutcome {
  const e = aadError(code, { vars, correlationId: p['client-request-id'] });
  return respond(p, { error: String(e.body.error), error_description: String(e.body.error_description), ...extra });
}

/** Checks everything that does not depend on the user; returns an outcome only on error. */
export function validateAuthorize(ctx: EmulatorContext, tenant: string, p: Params): AuthorizeOutcome | undefined {
  if (!KNOWN_TENANTS.has(tenant)) return pageError(90002, { tenant });
  const client = p.client_id ? findClient(ctx.state, 'microsoft', p.client_id) : undefined;
  if (!client) return pageError(700016, { clientId: p.client_id ?? '', tenant });
  if (!p.redirect_uri) return pageError(900971, {});
  if (!redirectUriAllowed(client, p.redirect_uri)) return pageError(50011, { redirectUri: p.redirect_uri, clientId: client.clientId });
  if (p.response_type !== 'code') return redirectError(p, 70005);
  if (!p.scope?.trim()) return redirectError(p, 900144, {}, { param: 'scope' });
  if (p.code_challenge_method && !['S256', 'plain'].includes(p.code_challenge_method)) {
    return redirectError(p, 900144, {}, { param: 'code_challenge_method' });
  }
  if (p.code_challenge && !/^[A-Za-z0-9\-._~]{43,128}$/.test(p.code_challenge)) {
    return redirectError(p, 900144, {}, { param: 'code_challenge' });
  }
  return undefined;
}

/** Mints the code for `account` and builds the success redirect (the user said yes). */
export function approve(ctx: EmulatorContext, p: Params, account: Account): AuthorizeOutcome {
  const now = ctx.clock.now();
  const scopes = (p.scope ?? '').split(/\s+/).filter(Boolean);
  recordGrant(ctx.state, { provider: 'microsoft', email: account.email, clientId: p.client_id as string, scopes }, now);
  const code: AuthCode = {
    code: `1.AXkA${randomBytes(48).toString('base64url')}`,
    provider: 'microsoft',
    email: account.email,
    clientId: p.client_id as string,
    redirectUri: p.redirect_uri as string,
    scopes,
    ...(p.code_challenge ? { codeChallenge: p.code_challenge, codeChallengeMethod: (p.code_challenge_method ?? 'plain') as 'S256' | 'plain' } : {}),
    issueRefreshToken: scopes.includes('offline_access'),
    ...(p.nonce ? { nonce: p.nonce } : {}),
    expiresAt: now + CODE_LIFETIME_MS,
    used: false,
  };
  ctx.state.codes.set(code.code, code);
  const fields: Record<string, string> = { code: code.code, session_state: randomBytes(16).toString('hex') };
  if (p.client_info === '1') fields.client_info = clientInfo(account);
  return respond(p, fields);
}

export function deny(p: Params): AuthorizeOutcome {
  return redirectError(p, 65004, { error_subcode: 'cancel' });
}

/** GET authorize after validation: apply the consent mode. */
export function decide(ctx: EmulatorContext, p: Params): AuthorizeOutcome {
  const mode = ctx.state.consent.microsoft;
  const accounts = ctx.state.accounts.filter((a) => a.provider === 'microsoft');
  const hinted = p.login_hint ? findAccount(ctx.state, 'microsoft', p.login_hint) : undefined;
  if (p.prompt === 'none') {
    // Silent: only an account that already consented to this client may pass.
    const account = hinted ?? accounts[0];
    if (!account || mode === 'deny') return redirectError(p, 50058);
    if (!findGrant(ctx.state, { provider: 'microsoft', email: account.email, clientId: p.client_id as string })) {
      return redirectError(p, 65001, { error: 'interaction_required' }, { clientId: p.client_id as string });
    }
    return approve(ctx, p, account);
  }
  if (mode === 'deny') return deny(p);
  if (mode === 'page') return { kind: 'consent-page', accounts, ...(p.login_hint ? { hint: p.login_hint } : {}) };
  if (p.login_hint && !hinted) return redirectError(p, 50034, {}, { email: p.login_hint });
  const account = hinted ?? accounts[0];
  if (!account) return redirectError(p, 50058);
  return approve(ctx, p, account);
}
