// Owns the provider-neutral token bookkeeping: minting, looking up, expiring and revoking
// grants/tokens. The provider modules decide *when* to mint (e.g. Google never rotates a
// refresh token, Microsoft always does); this module only keeps the records straight.
import type { AccessToken, EmulatorState, Grant, Provider, RefreshToken } from './types.js';
import { randomToken } from './ids.js';

export interface TokenSubject {
  provider: Provider;
  email: string;
  clientId: string;
  scopes: string[];
}

export function findGrant(state: EmulatorState, s: Omit<TokenSubject, 'scopes'>): Grant | undefined {
  return state.grants.find(
    (g) => g.provider === s.provider && g.email === s.email && g.clientId === s.clientId && !g.revoked,
  );
}

/** Records (or widens) the user's consent for a client; returns whether it is a first consent. */
export function recordGrant(state: EmulatorState, s: TokenSubject, now: number): { grant: Grant; first: boolean } {
  const existing = findGrant(state, s);
  if (existing) {
    existing.scopes = [...new Set([...existing.scopes, ...s.scopes])];
    return { grant: existing, first: false };
  }
  const grant: Grant = { ...s, scopes: [...s.scopes], revoked: false, createdAt: now };
  state.grants.push(grant);
  return { grant, first: true };
}

export function mintAccessToken(state: EmulatorState, s: TokenSubject, now: number, ttlSeconds: number, prefix: string): AccessToken {
  const at: AccessToken = { ...s, token: randomToken(prefix), expiresAt: now + ttlSeconds * 1000 };
  state.accessTokens.set(at.token, at);
  return at;
}

export function mintRefreshToken(state: EmulatorState, s: TokenSubject, now: number, prefix: string): RefreshToken {
  const rt: RefreshToken = { ...s, token: randomToken(prefix), revoked: false, createdAt: now };
  state.refreshTokens.set(rt.token, rt);
  return rt;
}

/** A usable access token, or undefined when unknown, expired or its grant was revoked. */
export function authenticate(state: EmulatorState, provider: Provider, token: string, now: number): AccessToken | undefined {
  const at = state.accessTokens.get(token);
  if (!at || at.provider !== provider || at.expiresAt <= now) return undefined;
  return at;
}

/** Usable refresh token or undefined (unknown, revoked, expired). */
export function liveRefreshToken(state: EmulatorState, provider: Provider, token: string, now: number): RefreshToken | undefined {
  const rt = state.refreshTokens.get(token);
  if (!rt || rt.provider !== provider || rt.revoked) return undefined;
  if (rt.expiresAt !== undefined && rt.expiresAt <= now) return undefined;
  return rt;
}

/** Revokes the user's grants (optionally one client's) and every token they carry. */
export function revokeGrants(state: EmulatorState, provider: Provider, email: string, clientId?: string): number {
  let count = 0;
  const hit = (x: { provider: Provider; email: string; clientId: string }) =>
    x.provider === provider && x.email === email && (clientId === undefined || x.clientId === clientId);
  for (const g of state.grants) if (hit(g) && !g.revoked) { g.revoked = true; count++; }
  for (const rt of state.refreshTokens.values()) if (hit(rt)) rt.revoked = true;
  for (const [k, at] of state.accessTokens) if (hit(at)) state.accessTokens.delete(k);
  return count;
}

/** Makes the user's current access tokens invalid now (next API call: 401). */
export function expireAccessTokens(state: EmulatorState, provider: Provider, email: string, now: number): number {
  let count = 0;
  for (const at of state.accessTokens.values()) {
    if (at.provider === provider && at.email === email) { at.expiresAt = now - 1; count++; }
  }
  return count;
}
