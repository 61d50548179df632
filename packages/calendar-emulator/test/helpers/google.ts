// Google test helpers: google-auth-library's OAuth2Client and googleapis' calendar client,
// pointed at the emulator only through their documented options (provider-apis.md part D),
// plus the one browser hop (following the authorize URL) that no library performs.
import { CodeChallengeMethod, OAuth2Client } from 'google-auth-library';
import type { ClientAuthentication } from 'google-auth-library';
import type { Credentials } from 'google-auth-library';
// googleapis' own Calendar module: the same client as `google.calendar`, without loading
// the other ~300 APIs (the package README's advice when startup time matters).
import { calendar } from 'googleapis/build/src/apis/calendar/index.js';
import type { EmulatorHandle } from '../../src/index.js';
import { DEFAULT_CLIENTS } from '../../src/index.js';

export const CAL_SCOPE = 'https://www.googleapis.com/auth/calendar';
export const REDIRECT_URI = 'http://localhost:3000/api/v1/integrations/google/callback';

export interface ClientOptions {
  clientId?: string;
  clientSecret?: string;
  redirectUri?: string;
  forceRefreshOnFailure?: boolean;
  clientAuthentication?: ClientAuthentication;
}

export function oauthClient(emu: EmulatorHandle, o: ClientOptions = {}): OAuth2Client {
  return new OAuth2Client({
    clientId: o.clientId ?? DEFAULT_CLIENTS.google.clientId,
    clientSecret: o.clientSecret ?? DEFAULT_CLIENTS.google.clientSecret,
    redirectUri: o.redirectUri ?? REDIRECT_URI,
    endpoints: {
      oauth2AuthBaseUrl: `${emu.url}/o/oauth2/v2/auth`,
      oauth2TokenUrl: `${emu.url}/token`,
      oauth2RevokeUrl: `${emu.url}/revoke`,
      tokenInfoUrl: `${emu.url}/tokeninfo`,
      oauth2FederatedSignonPemCertsUrl: `${emu.url}/oauth2/v1/certs`,
      oauth2FederatedSignonJwkCertsUrl: `${emu.url}/oauth2/v3/certs`,
    },
    issuers: [emu.url],
    ...(o.forceRefreshOnFailure ? { forceRefreshOnFailure: true } : {}),
    ...(o.clientAuthentication ? { clientAuthentication: o.clientAuthentication } : {}),
  });
}

/** What a browser does with the authorize URL: follow it and read where Google sends it back. */
export async function browse(url: string): Promise<{ status: number; location?: URL; html?: string }> {
  const res = await fetch(url, { redirect: 'manual' });
  const loc = res.headers.get('location');
  if (loc) return { status: res.status, location: new URL(loc) };
  return { status: res.status, html: await res.text() };
}

export interface Connected {
  client: OAuth2Client;
  tokens: Credentials;
}

/** Full web-server flow with PKCE + state for one account (consent mode auto). */
export async function connectGoogle(
  emu: EmulatorHandle,
  email = 'alice@example.com',
  o: ClientOptions & { prompt?: string; scope?: string[] } = {},
): Promise<Connected> {
  const client = oauthClient(emu, o);
  const { codeVerifier, codeChallenge } = await client.generateCodeVerifierAsync();
  const url = client.generateAuthUrl({
    access_type: 'offline',
    scope: o.scope ?? [CAL_SCOPE],
    state: 'st-123',
    login_hint: email,
    code_challenge: codeChallenge!,
    code_challenge_method: CodeChallengeMethod.S256,
    ...(o.prompt ? { prompt: o.prompt } : {}),
  });
  const back = await browse(url);
  const code = back.location?.searchParams.get('code');
  if (!code) throw new Error(`no code: ${back.status} ${back.location ?? back.html}`);
  const { tokens } = await client.getToken({ code, codeVerifier });
  client.setCredentials(tokens);
  return { client, tokens };
}

export function calendarApi(emu: EmulatorHandle, auth?: OAuth2Client) {
  return calendar({ version: 'v3', ...(auth ? { auth } : {}), rootUrl: `${emu.url}/` });
}
