// How the CalDAV adapter reaches a server: Basic auth headers and one fetch that turns a
// network failure into TRANSIENT (never leaking the URL's credentials or the error text),
// passed to every tsdav call. Plain http:// is refused unless the admin allowed it (tests,
// a server on the same private network).
import { getBasicAuthHeaders } from 'tsdav';
import { ProviderError } from '../provider-error';
import { caldavNetworkError } from './caldav-error.mapper';
import type { CalDavCredentials } from './caldav-credentials';

export interface CalDavEndpoints {
  /** CALDAV_ALLOW_HTTP: accept http:// server URLs (never for servers on the internet). */
  allowHttp: boolean;
  /**
   * Emulator mode only: the calendar emulator's plain-HTTP origin (a loopback demo server),
   * where http:// is accepted whatever CALDAV_ALLOW_HTTP says, so `pnpm start` offers CalDAV.
   */
  emulatorOrigin?: string;
  /** Per request, so one slow server cannot hold a sync worker for long. */
  timeoutMs: number;
}

export interface CalDavSession {
  headers: Record<string, string>;
  fetch: typeof fetch;
}

export function openSession(credentials: CalDavCredentials, endpoints: CalDavEndpoints): CalDavSession {
  const url = new URL(credentials.serverUrl);
  const httpAllowed = url.protocol === 'http:' && (endpoints.allowHttp || url.origin === endpoints.emulatorOrigin);
  if (url.protocol !== 'https:' && !httpAllowed) {
    throw new ProviderError('PERMANENT', 'CalDAV server URL must be https');
  }
  const guardedFetch: typeof fetch = async (input, init) => {
    try {
      return await fetch(input, { ...init, redirect: 'follow', signal: AbortSignal.timeout(endpoints.timeoutMs) });
    } catch (error) {
      throw caldavNetworkError(init?.method ?? 'GET', error);
    }
  };
  return { headers: getBasicAuthHeaders({ username: credentials.username, password: credentials.password }), fetch: guardedFetch };
}
