// Conformance: Microsoft identity platform v2 (auth code + PKCE) through @azure/msal-node,
// with plain fetch only for the browser step (follow the authorize redirect).
import { describe, expect, it } from 'vitest';
import { CryptoProvider, type ConfidentialClientApplication } from '@azure/msal-node';
import { useEmulator } from '../helpers/emulator.js';
import type { EmulatorHandle } from '../../src/index.js';
import { browserAuthorize, defaultClient, msalClient, REDIRECT, SCOPES } from './support.js';

const emu = useEmulator();

async function authorize(e: EmulatorHandle, cca: ConfidentialClientApplication, extra: Record<string, unknown> = {}) {
  const pkce = await new CryptoProvider().generatePkceCodes();
  const url = await cca.getAuthCodeUrl({ scopes: SCOPES, redirectUri: REDIRECT, codeChallenge: pkce.challenge, codeChallengeMethod: 'S256', state: 'st', ...extra });
  return { pkce, url, redirect: await browserAuthorize(url, e.caPem) };
}

async function signedIn(e: EmulatorHandle) {
  const cca = msalClient(e, await defaultClient(e));
  const { pkce, redirect } = await authorize(e, cca, { loginHint: 'alice@example.com' });
  const result = await cca.acquireTokenByCode({ code: redirect.searchParams.get('code')!, scopes: SCOPES, redirectUri: REDIRECT, codeVerifier: pkce.verifier });
  return { cca, result };
}

const refreshTokensIn = (cca: ConfidentialClientApplication) =>
  Object.values(JSON.parse(cca.getTokenCache().serialize()).RefreshToken as Record<string, { secret: string }>).map((t) => t.secret);

const rejection = async (p: Promise<unknown>) => {
  try { await p; } catch (err) { return err as { errorCode: string; errorNo?: string | number; subError?: string; name: string; constructor: { name: string } }; }
  throw new Error('expected a rejection');
};

describe('authorize + acquireTokenByCode', () => {
  it('redeems a PKCE S256 code and returns the account from id_token + client_info', async () => {
    const e = emu.get();
    const { result } = await signedIn(e);
    expect(result.account?.username).toBe('alice@example.com');
    expect(result.account?.homeAccountId).toMatch(/^[0-9a-f-]{36}\.[0-9a-f-]{36}$/);
    expect(result.idTokenClaims).toMatchObject({ ver: '2.0', preferred_username: 'alice@example.com', aud: (await defaultClient(e)).clientId });
    expect(result.accessToken.split('.')).toHaveLength(3);
  });

  it('echoes state and picks the account named by login_hint', async () => {
    const e = emu.get();
    const cca = msalClient(e, await defaultClient(e));
    const { pkce, redirect } = await authorize(e, cca, { loginHint: 'bob@example.com', state: 'opaque-123' });
    expect(redirect.searchParams.get('state')).toBe('opaque-123');
    const r = await cca.acquireTokenByCode({ code: redirect.searchParams.get('code')!, scopes: SCOPES, redirectUri: REDIRECT, codeVerifier: pkce.verifier });
    expect(r.account?.username).toBe('bob@example.com');
  });

  it('validates the nonce MSAL passes through the id_token', async () => {
    const e = emu.get();
    const cca = msalClient(e, await defaultClient(e));
    const { pkce, redirect } = await authorize(e, cca, { nonce: 'n-0S6_WzA2Mj' });
    const r = await cca.acquireTokenByCode({ code: redirect.searchParams.get('code')!, scopes: SCOPES, redirectUri: REDIRECT, codeVerifier: pkce.verifier, nonce: 'n-0S6_WzA2Mj' });
    expect(r.idTokenClaims).toMatchObject({ nonce: 'n-0S6_WzA2Mj' });
  });

  it('rejects a wrong code_verifier with invalid_grant AADSTS501481', async () => {
    const e = emu.get();
    const cca = msalClient(e, await defaultClient(e));
    const { redirect } = await authorize(e, cca);
    const err = await rejection(cca.acquireTokenByCode({ code: redirect.searchParams.get('code')!, scopes: SCOPES, redirectUri: REDIRECT, codeVerifier: 'x'.repeat(43) }));
    expect(err.errorCode).toBe('invalid_grant');
    expect(String(err.errorNo)).toBe('501481');
  });

  it('rejects a code redeemed twice with AADSTS54005', async () => {
    const e = emu.get();
    const cca = msalClient(e, await defaultClient(e));
    const { pkce, redirect } = await authorize(e, cca);
    const req = { code: redirect.searchParams.get('code')!, scopes: SCOPES, redirectUri: REDIRECT, codeVerifier: pkce.verifier };
    await cca.acquireTokenByCode(req);
    const err = await rejection(cca.acquireTokenByCode(req));
    expect(String(err.errorNo)).toBe('54005');
  });

  it('rejects a redirect_uri different from the authorize one with AADSTS500112', async () => {
    const e = emu.get();
    const cca = msalClient(e, await defaultClient(e));
    const { pkce, redirect } = await authorize(e, cca);
    const err = await rejection(cca.acquireTokenByCode({ code: redirect.searchParams.get('code')!, scopes: SCOPES, redirectUri: 'http://localhost:3000/other', codeVerifier: pkce.verifier }));
    expect(String(err.errorNo)).toBe('500112');
  });

  it('rejects a code older than 10 minutes with AADSTS70008', async () => {
    const e = emu.get();
    const cca = msalClient(e, await defaultClient(e));
    const { pkce, redirect } = await authorize(e, cca);
    await e.control.advanceClock(11 * 60 * 1000);
    const err = await rejection(cca.acquireTokenByCode({ code: redirect.searchParams.get('code')!, scopes: SCOPES, redirectUri: REDIRECT, codeVerifier: pkce.verifier }));
    expect(String(err.errorNo)).toBe('70008');
  });

  it('serves the same authorize page on the HTTP origin for browsers', async () => {
    const e = emu.get();
    const cca = msalClient(e, await defaultClient(e));
    const pkce = await new CryptoProvider().generatePkceCodes();
    const url = new URL(await cca.getAuthCodeUrl({ scopes: SCOPES, redirectUri: REDIRECT, codeChallenge: pkce.challenge, codeChallengeMethod: 'S256' }));
    const res = await fetch(`${e.url}${url.pathname}${url.search}`, { redirect: 'manual' });
    expect(res.status).toBe(302);
    const code = new URL(res.headers.get('location')!).searchParams.get('code')!;
    const r = await cca.acquireTokenByCode({ code, scopes: SCOPES, redirectUri: REDIRECT, codeVerifier: pkce.verifier });
    expect(r.accessToken).toBeTruthy();
  });
});

describe('registered clients', () => {
  const registered = { clientId: '11111111-2222-4333-8444-555555555555', clientSecret: 's3cret~value' };
  const register = (e: EmulatorHandle) => e.control.addClient({ provider: 'microsoft', ...registered, redirectUris: [REDIRECT] });

  it('shows AADSTS50011 (no redirect) for a redirect URI the app did not register', async () => {
    const e = emu.get();
    await register(e);
    const cca = msalClient(e, registered);
    const url = await cca.getAuthCodeUrl({ scopes: SCOPES, redirectUri: 'http://localhost:3000/not-registered' });
    const res = await fetch(url.replace(e.httpsUrl, e.url), { redirect: 'manual' });
    expect(res.status).toBe(400);
    expect(await res.text()).toContain('AADSTS50011');
  });

  it('rejects a wrong client secret with invalid_client AADSTS7000215', async () => {
    const e = emu.get();
    await register(e);
    const { redirect, pkce } = await authorize(e, msalClient(e, registered));
    const wrong = msalClient(e, { ...registered, clientSecret: 'wrong' });
    const err = await rejection(wrong.acquireTokenByCode({ code: redirect.searchParams.get('code')!, scopes: SCOPES, redirectUri: REDIRECT, codeVerifier: pkce.verifier }));
    expect(err.errorCode).toBe('invalid_client');
    expect(String(err.errorNo)).toBe('7000215');
  });

  it('rejects an unknown client_id with unauthorized_client AADSTS700016', async () => {
    const e = emu.get();
    const cca = msalClient(e, { clientId: '99999999-0000-4000-8000-000000000000', clientSecret: 'x' });
    const url = await cca.getAuthCodeUrl({ scopes: SCOPES, redirectUri: REDIRECT });
    const res = await fetch(url.replace(e.httpsUrl, e.url), { redirect: 'manual' });
    expect(res.status).toBe(400);
    expect(await res.text()).toContain('AADSTS700016');
  });
});

describe('consent modes', () => {
  it('deny: redirects back with error=access_denied (AADSTS65004)', async () => {
    const e = emu.get();
    await e.control.consent('deny', 'microsoft');
    const cca = msalClient(e, await defaultClient(e));
    const { redirect } = await authorize(e, cca);
    expect(redirect.searchParams.get('error')).toBe('access_denied');
    expect(redirect.searchParams.get('error_description')).toContain('AADSTS65004');
    expect(redirect.searchParams.get('state')).toBe('st');
    expect(redirect.searchParams.get('code')).toBeNull();
  });

  it('page: shows an account picker whose Accept posts back and redirects with a code', async () => {
    const e = emu.get();
    await e.control.consent('page', 'microsoft');
    const cca = msalClient(e, await defaultClient(e));
    const pkce = await new CryptoProvider().generatePkceCodes();
    const url = new URL(await cca.getAuthCodeUrl({ scopes: SCOPES, redirectUri: REDIRECT, codeChallenge: pkce.challenge, codeChallengeMethod: 'S256', loginHint: 'dispatch@example.com' }));
    const page = await (await fetch(`${e.url}${url.pathname}${url.search}`)).text();
    expect(page).toContain('value="dispatch@example.com" checked');
    const action = /<form method="post" action="([^"]+)"/.exec(page)![1].replace(/&#38;/g, '&');
    const fields = new URLSearchParams([...page.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)">/g)].map((m) => [m[1], m[2].replace(/&#(\d+);/g, (_, c) => String.fromCharCode(+c))] as [string, string]));
    fields.set('account', 'dispatch@example.com');
    fields.set('decision', 'accept');
    const res = await fetch(`${e.url}${action}`, { method: 'POST', body: fields, redirect: 'manual' });
    const code = new URL(res.headers.get('location')!).searchParams.get('code')!;
    const r = await cca.acquireTokenByCode({ code, scopes: SCOPES, redirectUri: REDIRECT, codeVerifier: pkce.verifier });
    expect(r.account?.username).toBe('dispatch@example.com');
  });

  it('auto with an unknown login_hint: error AADSTS50034', async () => {
    const e = emu.get();
    const cca = msalClient(e, await defaultClient(e));
    const { redirect } = await authorize(e, cca, { loginHint: 'nobody@example.com' });
    expect(redirect.searchParams.get('error_description')).toContain('AADSTS50034');
  });

  it('prompt=none without prior consent: interaction_required', async () => {
    const e = emu.get();
    const cca = msalClient(e, await defaultClient(e));
    const { redirect } = await authorize(e, cca, { prompt: 'none', loginHint: 'bob@example.com' });
    expect(redirect.searchParams.get('error')).toBe('interaction_required');
  });
});

describe('refresh tokens', () => {
  it('no offline_access in the authorization: no refresh token is issued', async () => {
    const e = emu.get();
    const setup = await defaultClient(e);
    const cca = msalClient(e, setup);
    const pkce = await new CryptoProvider().generatePkceCodes();
    // A browser request built without offline_access (MSAL always adds it to its own URLs).
    const q = new URLSearchParams({ client_id: setup.clientId, response_type: 'code', redirect_uri: REDIRECT, scope: 'openid profile Calendars.ReadWrite', code_challenge: pkce.challenge, code_challenge_method: 'S256', client_info: '1' });
    const redirect = await browserAuthorize(`${e.httpsUrl}/common/oauth2/v2.0/authorize?${q}`, e.caPem);
    await cca.acquireTokenByCode({ code: redirect.searchParams.get('code')!, scopes: SCOPES, redirectUri: REDIRECT, codeVerifier: pkce.verifier });
    expect(refreshTokensIn(cca)).toEqual([]);
  });

  it('acquireTokenSilent(forceRefresh) rotates the refresh token', async () => {
    const { cca, result } = await signedIn(emu.get());
    const [rt1] = refreshTokensIn(cca);
    const again = await cca.acquireTokenSilent({ account: result.account!, scopes: SCOPES, forceRefresh: true });
    const [rt2] = refreshTokensIn(cca);
    expect(rt2).toBeTruthy();
    expect(rt2).not.toBe(rt1);
    expect(again.accessToken).not.toBe(result.accessToken);
  });

  it('the previous refresh token keeps working after rotation (Microsoft does not revoke it)', async () => {
    const { cca, result } = await signedIn(emu.get());
    const [rt1] = refreshTokensIn(cca);
    await cca.acquireTokenSilent({ account: result.account!, scopes: SCOPES, forceRefresh: true });
    const r = await cca.acquireTokenByRefreshToken({ refreshToken: rt1, scopes: SCOPES });
    expect(r?.accessToken).toBeTruthy();
  });

  it('a revoked grant fails with invalid_grant AADSTS50173 (a ServerError, not InteractionRequired)', async () => {
    const e = emu.get();
    const { cca, result } = await signedIn(e);
    await e.control.revokeGrant('microsoft', 'alice@example.com');
    const err = await rejection(cca.acquireTokenSilent({ account: result.account!, scopes: SCOPES, forceRefresh: true }));
    expect(err.errorCode).toBe('invalid_grant');
    expect(String(err.errorNo)).toBe('50173');
    expect(err.constructor.name).toBe('ServerError');
  });

  it('after 90 days of inactivity: invalid_grant AADSTS700082', async () => {
    const e = emu.get();
    const { cca, result } = await signedIn(e);
    await e.control.advanceClock(91 * 24 * 3600 * 1000);
    const err = await rejection(cca.acquireTokenSilent({ account: result.account!, scopes: SCOPES, forceRefresh: true }));
    expect(String(err.errorNo)).toBe('700082');
  });

  it('conditional-access sign-in frequency: AADSTS70043, InteractionRequiredAuthError when suberror is set', async () => {
    const e = emu.get();
    const { cca, result } = await signedIn(e);
    await e.control.call('POST', 'microsoft/refresh-failure', { email: 'alice@example.com', code: 70043, suberror: 'bad_token' });
    const err = await rejection(cca.acquireTokenSilent({ account: result.account!, scopes: SCOPES, forceRefresh: true }));
    expect(String(err.errorNo)).toBe('70043');
    expect(err.constructor.name).toBe('InteractionRequiredAuthError');
    expect(err.subError).toBe('bad_token');
  });

  it('a malformed refresh token: invalid_grant AADSTS9002313', async () => {
    const e = emu.get();
    const cca = msalClient(e, await defaultClient(e));
    const err = await rejection(cca.acquireTokenByRefreshToken({ refreshToken: 'not-a-token', scopes: SCOPES }));
    expect(String(err.errorNo)).toBe('9002313');
  });
});

describe('token error body', () => {
  it("carries MSAL's correlation id and the AADSTS trace/timestamp lines", async () => {
    const e = emu.get();
    const { cca, result } = await signedIn(e);
    await e.control.revokeGrant('microsoft', 'alice@example.com');
    const correlationId = '0b8f3c1e-1111-4222-8333-444455556666';
    const err = (await rejection(cca.acquireTokenSilent({ account: result.account!, scopes: SCOPES, forceRefresh: true, correlationId }))) as unknown as { correlationId: string; errorMessage: string };
    expect(err.correlationId).toBe(correlationId);
    expect(err.errorMessage).toMatch(/Error\(s\): 50173 - Timestamp: \d{4}-\d\d-\d\d \d\d:\d\d:\d\dZ - Description: AADSTS50173: .*Trace ID: /s);
  });
});

describe('access-token lifetime with MSAL', () => {
  it('acquireTokenSilent redeems the refresh token when the cached access token is near expiry', async () => {
    const e = emu.get();
    // MSAL renews tokens within 300 s of expiry; a 120 s lifetime makes every silent call refresh.
    await e.control.call('POST', 'microsoft/settings', { accessTokenLifetime: 120 });
    const { cca, result } = await signedIn(e);
    const again = await cca.acquireTokenSilent({ account: result.account!, scopes: SCOPES });
    expect(again.fromCache).toBe(false);
    expect(again.accessToken).not.toBe(result.accessToken);
  });

  it('with the default lifetime acquireTokenSilent answers from the cache', async () => {
    const { cca, result } = await signedIn(emu.get());
    const again = await cca.acquireTokenSilent({ account: result.account!, scopes: SCOPES });
    expect(again.fromCache).toBe(true);
  });
});
