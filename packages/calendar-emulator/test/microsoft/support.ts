// Wires the official Microsoft libraries to an in-process emulator using only their documented
// options, and trusts the emulator's CA in-process (NODE_EXTRA_CA_CERTS is read only at
// process start, too late for a CA created by the test):
//   - MSAL: `auth.authority` https://localhost:PORT/<tenant>, `auth.knownAuthorities`, and
//     `system.networkClient` (INetworkModule) that trusts the CA;
//   - Graph SDK: `baseUrl`, `customHosts` and `fetchOptions.dispatcher` (an undici Agent that
//     trusts the CA; Node's fetch is undici, so the SDK's fetch uses it).
import https from 'node:https';
import { ConfidentialClientApplication, type INetworkModule, type NetworkRequestOptions, type NetworkResponse } from '@azure/msal-node';
import { Client, type ClientOptions } from '@microsoft/microsoft-graph-client';
import { Agent } from 'undici';
import type { EmulatorHandle } from '../../src/index.js';

export const SCOPES = ['Calendars.ReadWrite'];
export const REDIRECT = 'http://localhost:3000/api/v1/integrations/microsoft/callback';

export function caNetworkClient(caPem: string): INetworkModule {
  const send = <T>(method: string, url: string, options?: NetworkRequestOptions): Promise<NetworkResponse<T>> =>
    new Promise((resolve, reject) => {
      const req = https.request(url, { method, ca: caPem, headers: options?.headers ?? {} }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const headers: Record<string, string> = {};
          for (const [k, v] of Object.entries(res.headers)) if (v !== undefined) headers[k] = Array.isArray(v) ? v.join(', ') : v;
          const text = Buffer.concat(chunks).toString('utf8');
          try {
            resolve({ headers, body: JSON.parse(text) as T, status: res.statusCode ?? 0 });
          } catch (e) {
            reject(e);
          }
        });
      });
      req.on('error', reject);
      if (options?.body) req.write(options.body);
      req.end();
    });
  return {
    sendGetRequestAsync: (url, options) => send('GET', url, options),
    sendPostRequestAsync: (url, options) => send('POST', url, options),
  };
}

export interface MsalSetup { clientId: string; clientSecret: string; tenant?: string }

export function msalClient(emu: EmulatorHandle, c: MsalSetup): ConfidentialClientApplication {
  const host = new URL(emu.httpsUrl).host;
  return new ConfidentialClientApplication({
    auth: { clientId: c.clientId, clientSecret: c.clientSecret, authority: `${emu.httpsUrl}/${c.tenant ?? 'common'}`, knownAuthorities: [host] },
    system: { networkClient: caNetworkClient(emu.caPem) },
  });
}

export async function defaultClient(emu: EmulatorHandle): Promise<MsalSetup> {
  const info = (await emu.control.info()) as { defaultClients: { microsoft: { clientId: string; clientSecret: string } } };
  return info.defaultClients.microsoft;
}

/** What a browser does: follow the authorize URL and read `code` from the redirect's Location. */
export async function browserAuthorize(url: string, caPem: string): Promise<URL> {
  const dispatcher = new Agent({ connect: { ca: caPem } });
  const res = await fetch(url, { redirect: 'manual', dispatcher } as RequestInit);
  const location = res.headers.get('location');
  if (res.status !== 302 || !location) throw new Error(`authorize answered ${res.status}: ${await res.text()}`);
  return new URL(location);
}

export function graphClient(emu: EmulatorHandle, getToken: () => Promise<string>, extra: Partial<ClientOptions> = {}): Client {
  return Client.initWithMiddleware({
    baseUrl: `${emu.httpsUrl}/`,
    customHosts: new Set([new URL(emu.httpsUrl).hostname]),
    fetchOptions: { dispatcher: new Agent({ connect: { ca: emu.caPem } }) } as RequestInit,
    authProvider: { getAccessToken: getToken },
    ...extra,
  });
}

/** Full sign-in through MSAL (auth code + PKCE) and a Graph client using its token. */
export async function signIn(emu: EmulatorHandle, email = 'alice@example.com', scopes = SCOPES) {
  const setup = await defaultClient(emu);
  const cca = msalClient(emu, setup);
  const { CryptoProvider } = await import('@azure/msal-node');
  const pkce = await new CryptoProvider().generatePkceCodes();
  const url = await cca.getAuthCodeUrl({ scopes, redirectUri: REDIRECT, codeChallenge: pkce.challenge, codeChallengeMethod: 'S256', loginHint: email, state: 's1' });
  const code = (await browserAuthorize(url, emu.caPem)).searchParams.get('code') as string;
  const result = await cca.acquireTokenByCode({ code, scopes, redirectUri: REDIRECT, codeVerifier: pkce.verifier });
  let token = result.accessToken;
  const graph = graphClient(emu, async () => token);
  return { cca, result, graph, setToken: (t: string) => { token = t; } };
}
