// Conformance: Microsoft identity platform v2 through @azure/msal-node.
import { describe, expect, it } from 'vitest';
import { CryptoProvider } from '@azure/msal-node';
import { useEmulator } from '../helpers/emulator.js';
import { browserAuthorize, defaultClient, msalClient, REDIRECT, SCOPES } from './support.js';

const emu = useEmulator();

describe('identity platform v2 via MSAL', () => {
  it('acquireTokenByCode succeeds with PKCE S256 and returns the account from id_token + client_info', async () => {
    const e = emu.get();
    const cca = msalClient(e, await defaultClient(e));
    const pkce = await new CryptoProvider().generatePkceCodes();
    const url = await cca.getAuthCodeUrl({ scopes: SCOPES, redirectUri: REDIRECT, codeChallenge: pkce.challenge, codeChallengeMethod: 'S256', loginHint: 'bob@example.com', state: 'xyz' });
    const redirect = await browserAuthorize(url, e.caPem);
    expect(redirect.searchParams.get('state')).toBe('xyz');
    const result = await cca.acquireTokenByCode({ code: redirect.searchParams.get('code')!, scopes: SCOPES, redirectUri: REDIRECT, codeVerifier: pkce.verifier });
    expect(result.account?.username).toBe('bob@example.com');
    expect(result.account?.homeAccountId).toMatch(/^[0-9a-f-]{36}\.[0-9a-f-]{36}$/);
    expect(result.accessToken.split('.')).toHaveLength(3);
  });
});
