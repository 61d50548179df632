// HTTP transports for the Microsoft adapter's own calls. In emulator mode the identity
// platform and Graph are served over HTTPS with the emulator's local CA; we trust that CA
// here, for these calls only, through the options each SDK documents (MSAL's
// system.networkClient, the Graph SDK's fetchOptions.dispatcher) — never process-wide
// (no NODE_TLS_REJECT_UNAUTHORIZED, no global agent). Without a CA, the SDKs' defaults run.
import https from 'node:https';
import type { INetworkModule, NetworkRequestOptions, NetworkResponse } from '@azure/msal-node';
import { Agent } from 'undici';

/** A token request that hangs must not hold a person's HTTP request forever. */
const REQUEST_TIMEOUT_MS = 15_000;

/** MSAL INetworkModule over node:https that trusts `caPem` (and only it: `ca` replaces the default roots). */
export function caTrustingNetworkClient(caPem: string): INetworkModule {
  const send = <T>(method: 'GET' | 'POST', url: string, options?: NetworkRequestOptions): Promise<NetworkResponse<T>> =>
    new Promise((resolve, reject) => {
      const request = https.request(url, { method, ca: caPem, headers: options?.headers ?? {} }, (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('error', reject);
        response.on('end', () => {
          const headers: Record<string, string> = {};
          for (const [name, value] of Object.entries(response.headers)) {
            if (value !== undefined) headers[name] = Array.isArray(value) ? value.join(', ') : value;
          }
          try {
            // MSAL expects the parsed JSON body; a non-JSON answer is a network failure to it.
            const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as T;
            resolve({ headers, body, status: response.statusCode ?? 0 });
          } catch {
            reject(new Error(`non-JSON answer (HTTP ${response.statusCode}) from the identity platform`));
          }
        });
      });
      request.setTimeout(REQUEST_TIMEOUT_MS, () => request.destroy(new Error('identity platform request timed out')));
      request.on('error', reject);
      if (options?.body) request.write(options.body);
      request.end();
    });
  return {
    sendGetRequestAsync: (url, options) => send('GET', url, options),
    sendPostRequestAsync: (url, options) => send('POST', url, options),
  };
}

/**
 * fetch options for the Graph SDK: an undici Agent trusting `caPem` (Node's fetch is
 * undici, so it honours `dispatcher`). One Agent per adapter keeps connections pooled.
 */
export function graphFetchOptions(caPem: string | undefined): RequestInit {
  if (!caPem) return {};
  const dispatcher = new Agent({ connect: { ca: caPem } });
  return { dispatcher } as RequestInit;
}
