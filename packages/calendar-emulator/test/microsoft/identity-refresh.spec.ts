// Conformance: Microsoft refresh tokens through @azure/msal-node: offline_access, rotation,
// AADSTS failures and their MSAL error classes, the error body, access-token lifetime.
import { describe, expect, it } from 'vitest';
import { CryptoProvider } from '@azure/msal-node';
import { useEmulator } from '../helpers/emulator.js';
import { browserAuthorize, defaultClient, msalClient, REDIRECT, SCOPES } from './support.js';
import { refreshTokensIn, rejection, signedIn } from './identity-helpers.js';

const emu = useEmulator();

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
