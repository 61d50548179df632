// Owns parsing and validation of a Google authorization request (GET /o/oauth2/v2/auth),
// per developers.google.com/identity/protocols/oauth2/web-server. Errors that concern the
// client or redirect URI are shown on Google's error page, never redirected, because the
// redirect target is not trusted yet.
import type { EmulatorState } from '../../core/types.js';
import { findClient, redirectUriAllowed } from '../../core/state.js';

export interface AuthorizeRequest {
  clientId: string;
  redirectUri: string;
  scopes: string[];
  state?: string;
  accessType: 'online' | 'offline';
  prompts: string[];
  includeGrantedScopes: boolean;
  loginHint?: string;
  codeChallenge?: string;
  codeChallengeMethod?: 'S256' | 'plain';
}

export type AuthorizeParse =
  | { ok: true; req: AuthorizeRequest }
  /** Shown as an error page (status 400/401), as Google does. */
  | { ok: false; page: { status: number; error: string; description: string } }
  /** Sent back to the (validated) redirect URI. */
  | { ok: false; redirect: { redirectUri: string; error: string; state?: string; description?: string } };

const one = (v: unknown): string | undefined => (typeof v === 'string' && v.length > 0 ? v : undefined);

export function parseAuthorizeRequest(state: EmulatorState, q: Record<string, unknown>): AuthorizeParse {
  const page = (status: number, error: string, description: string): AuthorizeParse => ({ ok: false, page: { status, error, description } });
  const clientId = one(q.client_id);
  if (!clientId) return page(400, 'invalid_request', 'Missing required parameter: client_id');
  const client = findClient(state, 'google', clientId);
  if (!client) return page(401, 'invalid_client', 'The OAuth client was not found.');
  const redirectUri = one(q.redirect_uri);
  if (!redirectUri) return page(400, 'invalid_request', 'Missing required parameter: redirect_uri');
  if (!redirectUriAllowed(client, redirectUri)) {
    return page(400, 'redirect_uri_mismatch', `You can't sign in to this app because it doesn't comply with Google's OAuth 2.0 policy. redirect_uri=${redirectUri}`);
  }
  const st = one(q.state);
  const redirectError = (error: string, description?: string): AuthorizeParse => ({
    ok: false,
    redirect: { redirectUri, error, ...(st !== undefined ? { state: st } : {}), ...(description ? { description } : {}) },
  });
  const responseType = one(q.response_type);
  if (!responseType) return page(400, 'invalid_request', 'Required parameter is missing: response_type');
  if (responseType !== 'code') return redirectError('unsupported_response_type', `Invalid response_type: ${responseType}`);
  const scope = one(q.scope);
  if (!scope) return page(400, 'invalid_request', 'Missing required parameter: scope');
  const challenge = one(q.code_challenge);
  const method = one(q.code_challenge_method);
  if (method && method !== 'S256' && method !== 'plain') return page(400, 'invalid_request', 'Invalid code_challenge_method value.');
  if (method && !challenge) return page(400, 'invalid_request', 'Missing code_challenge.');
  const accessType = one(q.access_type) ?? 'online';
  if (accessType !== 'online' && accessType !== 'offline') return page(400, 'invalid_request', `Invalid access_type: ${accessType}`);
  const hint = one(q.login_hint);
  return {
    ok: true,
    req: {
      clientId,
      redirectUri,
      scopes: scope.split(' ').filter(Boolean),
      ...(st !== undefined ? { state: st } : {}),
      accessType,
      prompts: (one(q.prompt) ?? '').split(' ').filter(Boolean),
      includeGrantedScopes: q.include_granted_scopes === 'true',
      ...(hint ? { loginHint: hint } : {}),
      // Google: code_challenge without a method means `plain`.
      ...(challenge ? { codeChallenge: challenge, codeChallengeMethod: (method ?? 'plain') as 'S256' | 'plain' } : {}),
    },
  };
}

export function authorizeParamsOf(r: AuthorizeRequest): Record<string, string> {
  const p: Record<string, string> = {
    client_id: r.clientId,
    redirect_uri: r.redirectUri,
    response_type: 'code',
    scope: r.scopes.join(' '),
    access_type: r.accessType,
  };
  if (r.state !== undefined) p.state = r.state;
  if (r.prompts.length) p.prompt = r.prompts.join(' ');
  if (r.includeGrantedScopes) p.include_granted_scopes = 'true';
  if (r.loginHint) p.login_hint = r.loginHint;
  if (r.codeChallenge) {
    p.code_challenge = r.codeChallenge;
    p.code_challenge_method = r.codeChallengeMethod!;
  }
  return p;
}
