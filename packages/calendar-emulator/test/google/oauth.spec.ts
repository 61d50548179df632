// Google OAuth web-server flow, driven through google-auth-library (provider-apis.md A1).
import { describe, expect, it } from 'vitest';
import { CodeChallengeMethod } from 'google-auth-library';
import type { Credentials } from 'google-auth-library';
import { useEmulator } from '../helpers/emulator.js';
import { browse, CAL_SCOPE, calendarApi, connectGoogle, oauthClient, REDIRECT_URI } from '../helpers/google.js';
import { failure } from '../helpers/errors.js';

const emu = useEmulator();

async function codeFor(extra: Record<string, unknown> = {}, o: Parameters<typeof oauthClient>[1] = {}) {
  const client = oauthClient(emu.get(), o);
  const { codeVerifier, codeChallenge } = await client.generateCodeVerifierAsync();
  const url = client.generateAuthUrl({
    access_type: 'offline',
    scope: [CAL_SCOPE],
    state: 'xyz',
    login_hint: 'bob@example.com',
    code_challenge: codeChallenge!,
    code_challenge_method: CodeChallengeMethod.S256,
    ...extra,
  });
  const back = await browse(url);
  return { client, codeVerifier, back, code: back.location?.searchParams.get('code') ?? '' };
}

describe('Google authorize', () => {
  it('auto consent redirects back with a code, the state echoed and the granted scope', async () => {
    const { back } = await codeFor();
    expect(back.status).toBe(302);
    expect(back.location!.origin + back.location!.pathname).toBe(REDIRECT_URI);
    expect(back.location!.searchParams.get('state')).toBe('xyz');
    expect(back.location!.searchParams.get('scope')).toBe(CAL_SCOPE);
    expect(back.location!.searchParams.get('code')).toMatch(/^4\/0A/);
  });

  it('login_hint chooses the account the tokens belong to', async () => {
    const { tokens } = await connectGoogle(emu.get(), 'dispatch@example.com', { scope: [CAL_SCOPE, 'openid', 'email'] });
    const client = oauthClient(emu.get());
    const ticket = await client.verifyIdToken({ idToken: tokens.id_token!, audience: client._clientId! });
    expect(ticket.getPayload()!.email).toBe('dispatch@example.com');
  });

  it('consent mode deny redirects with error=access_denied and the state', async () => {
    await emu.get().control.consent('deny', 'google');
    const { back } = await codeFor();
    expect(back.location!.searchParams.get('error')).toBe('access_denied');
    expect(back.location!.searchParams.get('state')).toBe('xyz');
    expect(back.location!.searchParams.get('code')).toBeNull();
  });

  it('consent mode page shows a form whose Allow gives a code for the chosen account', async () => {
    await emu.get().control.consent('page', 'google');
    const { back, client, codeVerifier } = await codeFor();
    expect(back.status).toBe(200);
    expect(back.html).toContain('bob@example.com');
    const form = new URLSearchParams();
    for (const m of back.html!.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)">/g)) {
      form.set(m[1]!, m[2]!.replace(/&amp;/g, '&').replace(/&#39;/g, "'").replace(/&quot;/g, '"'));
    }
    for (const m of back.html!.matchAll(/name="granted" value="([^"]+)" checked/g)) form.append('granted', m[1]!);
    form.set('email', 'alice@example.com');
    form.set('decision', 'allow');
    const res = await fetch(`${emu.get().url}/o/oauth2/v2/auth/decision`, { method: 'POST', body: form, redirect: 'manual' });
    const code = new URL(res.headers.get('location')!).searchParams.get('code')!;
    const { tokens } = await client.getToken({ code, codeVerifier });
    expect(tokens.access_token).toMatch(/^ya29\./);
    expect(tokens.scope).toBe(CAL_SCOPE);
    expect((await client.getTokenInfo(tokens.access_token!)).email).toBe('alice@example.com');
  });

  it('granular consent: a scope the user unticks is missing from the token, and the API refuses the call', async () => {
    await emu.get().control.consent('auto', 'google', [CAL_SCOPE]);
    const { tokens, client } = await connectGoogle(emu.get(), 'alice@example.com', { scope: [CAL_SCOPE, 'openid', 'email'] });
    expect(tokens.scope!.split(' ').sort()).toEqual(['email', 'openid']);
    const f = await failure(calendarApi(emu.get(), client).calendarList.list());
    expect(f.status).toBe(403);
  });

  it('an unknown client_id gets Google error page 401 invalid_client, not a redirect', async () => {
    const { back } = await codeFor({}, { clientId: 'nobody.apps.googleusercontent.com' });
    expect(back.status).toBe(401);
    expect(back.html).toContain('invalid_client');
  });

  it('the dev client refuses a non-loopback redirect URI with redirect_uri_mismatch', async () => {
    const { back } = await codeFor({}, { redirectUri: 'https://evil.example/cb' });
    expect(back.status).toBe(400);
    expect(back.html).toContain('redirect_uri_mismatch');
  });

  it('a registered client only accepts its exact redirect URI', async () => {
    await emu.get().control.addClient({ provider: 'google', clientId: 'app.apps.googleusercontent.com', clientSecret: 's3cret', redirectUris: [REDIRECT_URI] });
    const ok = await codeFor({}, { clientId: 'app.apps.googleusercontent.com', clientSecret: 's3cret' });
    expect(ok.code).toBeTruthy();
    const bad = await codeFor({}, { clientId: 'app.apps.googleusercontent.com', clientSecret: 's3cret', redirectUri: 'http://localhost:3001/cb' });
    expect(bad.back.status).toBe(400);
    expect(bad.back.html).toContain('redirect_uri_mismatch');
  });
});

describe('Google token exchange', () => {
  it('exchanges a code for access + refresh tokens (google-auth-library computes expiry_date)', async () => {
    const { tokens } = await connectGoogle(emu.get());
    expect(tokens.access_token).toMatch(/^ya29\./);
    expect(tokens.refresh_token).toMatch(/^1\/\//);
    expect(tokens.token_type).toBe('Bearer');
    expect(tokens.scope).toBe(CAL_SCOPE);
    expect(tokens.expiry_date! - Date.now()).toBeGreaterThan(3500_000);
  });

  it('rejects a wrong PKCE verifier with invalid_grant', async () => {
    const { client, code } = await codeFor();
    const f = await failure(client.getToken({ code, codeVerifier: 'x'.repeat(64) }));
    expect(f.status).toBe(400);
    expect(f.data).toEqual({ error: 'invalid_grant', error_description: 'Invalid code verifier.' });
  });

  it('rejects a missing PKCE verifier with invalid_grant', async () => {
    const { client, code } = await codeFor();
    const f = await failure(client.getToken({ code }));
    expect(f.data).toEqual({ error: 'invalid_grant', error_description: 'Missing code verifier.' });
  });

  it('treats a code_challenge without method as plain', async () => {
    const client = oauthClient(emu.get());
    const verifier = 'v'.repeat(50);
    const url = client.generateAuthUrl({ access_type: 'offline', scope: [CAL_SCOPE], code_challenge: verifier });
    const code = (await browse(url)).location!.searchParams.get('code')!;
    const { tokens } = await client.getToken({ code, codeVerifier: verifier });
    expect(tokens.access_token).toBeTruthy();
  });

  it('a code is single-use', async () => {
    const { client, code, codeVerifier } = await codeFor();
    await client.getToken({ code, codeVerifier });
    const f = await failure(client.getToken({ code, codeVerifier }));
    expect(f.status).toBe(400);
    expect(f.data.error).toBe('invalid_grant');
  });

  it('a code expires after 10 minutes', async () => {
    const { client, code, codeVerifier } = await codeFor();
    await emu.get().control.advanceClock(11 * 60 * 1000);
    const f = await failure(client.getToken({ code, codeVerifier }));
    expect(f.data.error).toBe('invalid_grant');
  });

  it('the redirect_uri of the exchange must equal the one of the authorize request', async () => {
    const { code, codeVerifier } = await codeFor();
    const other = oauthClient(emu.get(), { redirectUri: 'http://localhost:3000/other' });
    const f = await failure(other.getToken({ code, codeVerifier }));
    expect(f.status).toBe(400);
    expect(f.data.error).toBe('redirect_uri_mismatch');
  });

  it('a wrong client secret is 401 invalid_client', async () => {
    const { code, codeVerifier } = await codeFor();
    const f = await failure(oauthClient(emu.get(), { clientSecret: 'wrong' }).getToken({ code, codeVerifier }));
    expect(f.status).toBe(401);
    expect(f.data.error).toBe('invalid_client');
  });

  it('gives a refresh token only on first consent; prompt=consent gives a new one', async () => {
    const first = await connectGoogle(emu.get(), 'bob@example.com');
    expect(first.tokens.refresh_token).toBeTruthy();
    const again = await connectGoogle(emu.get(), 'bob@example.com');
    expect(again.tokens.refresh_token).toBeUndefined();
    const forced = await connectGoogle(emu.get(), 'bob@example.com', { prompt: 'consent' });
    expect(forced.tokens.refresh_token).toBeTruthy();
    expect(forced.tokens.refresh_token).not.toBe(first.tokens.refresh_token);
  });

  it('gives no refresh token without access_type=offline', async () => {
    const { client, code, codeVerifier } = await codeFor({ access_type: 'online' });
    const { tokens } = await client.getToken({ code, codeVerifier });
    expect(tokens.access_token).toBeTruthy();
    expect(tokens.refresh_token).toBeUndefined();
  });

  it('include_granted_scopes returns the union of granted scopes', async () => {
    await connectGoogle(emu.get(), 'bob@example.com', { scope: ['openid'] });
    const { back } = await codeFor({ include_granted_scopes: true });
    expect(back.location!.searchParams.get('scope')!.split(' ').sort()).toEqual([CAL_SCOPE, 'openid'].sort());
  });
});

describe('Google refresh and revoke', () => {
  it('refresh returns a new access token and never rotates the refresh token', async () => {
    const { client, tokens } = await connectGoogle(emu.get());
    const emitted: Credentials[] = [];
    // Copy at emit time: the library later writes the old refresh token into the same object.
    client.on('tokens', (t) => emitted.push({ ...t }));
    const { credentials } = await client.refreshAccessToken();
    expect(credentials.access_token).not.toBe(tokens.access_token);
    expect(emitted[0]!.refresh_token).toBeUndefined();
    expect(credentials.refresh_token).toBe(tokens.refresh_token);
    await client.refreshAccessToken();
  });

  it('after the grant is revoked, refresh fails with invalid_grant "Token has been expired or revoked."', async () => {
    const { client } = await connectGoogle(emu.get());
    await emu.get().control.revokeGrant('google', 'alice@example.com');
    const f = await failure(client.refreshAccessToken());
    expect(f.status).toBe(400);
    expect(f.data).toEqual({ error: 'invalid_grant', error_description: 'Token has been expired or revoked.' });
  });

  it('a refresh token issued to another client is refused', async () => {
    const { tokens } = await connectGoogle(emu.get());
    await emu.get().control.addClient({ provider: 'google', clientId: 'other.apps.googleusercontent.com', clientSecret: 'o', redirectUris: [REDIRECT_URI] });
    const other = oauthClient(emu.get(), { clientId: 'other.apps.googleusercontent.com', clientSecret: 'o' });
    other.setCredentials({ refresh_token: tokens.refresh_token! });
    const f = await failure(other.refreshAccessToken());
    expect(f.data.error).toBe('unauthorized_client');
  });

  it('revokeToken (token in the query) revokes the whole grant', async () => {
    const { client, tokens } = await connectGoogle(emu.get());
    const r = await client.revokeToken(tokens.access_token!);
    expect(r.status).toBe(200);
    const f = await failure(client.refreshAccessToken());
    expect(f.data.error_description).toBe('Token has been expired or revoked.');
  });

  it('revoking an unknown token is 400 invalid_token', async () => {
    const f = await failure(oauthClient(emu.get()).revokeToken('ya29.nope'));
    expect(f.status).toBe(400);
    expect(f.data.error).toBe('invalid_token');
  });
});
