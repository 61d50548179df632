// Shared steps of the MSAL identity tests: the browser step of authorize, a full sign-in,
// reading refresh tokens from MSAL's serialized cache, and catching an MSAL rejection.
import { CryptoProvider, type ConfidentialClientApplication } from '@azure/msal-node';
import type { EmulatorHandle } from '../../src/index.js';
import { browserAuthorize, defaultClient, msalClient, REDIRECT, SCOPES } from './support.js';

export async function authorize(e: EmulatorHandle, cca: ConfidentialClientApplication, extra: Record<string, unknown> = {}) {
  const pkce = await new CryptoProvider().generatePkceCodes();
  const url = await cca.getAuthCodeUrl({ scopes: SCOPES, redirectUri: REDIRECT, codeChallenge: pkce.challenge, codeChallengeMethod: 'S256', state: 'st', ...extra });
  return { pkce, url, redirect: await browserAuthorize(url, e.caPem) };
}

export async function signedIn(e: EmulatorHandle) {
  const cca = msalClient(e, await defaultClient(e));
  const { pkce, redirect } = await authorize(e, cca, { loginHint: 'alice@example.com' });
  const result = await cca.acquireTokenByCode({ code: redirect.searchParams.get('code')!, scopes: SCOPES, redirectUri: REDIRECT, codeVerifier: pkce.verifier });
  return { cca, result };
}

export const refreshTokensIn = (cca: ConfidentialClientApplication) =>
  Object.values(JSON.parse(cca.getTokenCache().serialize()).RefreshToken as Record<string, { secret: string }>).map((t) => t.secret);

export const rejection = async (p: Promise<unknown>) => {
  try { await p; } catch (err) { return err as { errorCode: string; errorNo?: string | number; subError?: string; name: string; constructor: { name: string } }; }
  throw new Error('expected a rejection');
};

