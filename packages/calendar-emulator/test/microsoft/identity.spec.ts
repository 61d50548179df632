// Conformance: Microsoft identity platform v2 (auth code + PKCE, clients, consent) through
// @azure/msal-node, with plain fetch only for the browser step (follow the authorize redirect).
import { describe, expect, it } from 'vitest';
import { CryptoProvider } from '@azure/msal-node';
import { useEmulator } from '../helpers/emulator.js';
import type { EmulatorHandle } from '../../src/index.js';
import { defaultClient, msalClient, REDIRECT, SCOPES } from './support.js';
import { authorize, rejection, signedIn } from './identity-helpers.js';

const emu = useEmulator();

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
