// Owns the typed helper over the control API (plain fetch), returned by startEmulator() so
// tests and scripts need not spell the JSON routes by hand.
import type { FaultSpec } from './faults.js';
import type { ConsentMode, Provider } from './types.js';
import type { RequestLogEntry } from './request-log.js';

export interface ControlClient {
  reset(): Promise<void>;
  addAccount(a: { provider?: Provider; email: string; name?: string }): Promise<unknown>;
  addCalendar(c: { provider: Provider; email: string; name: string; canWrite?: boolean }): Promise<{ calendar: { id: string } }>;
  addClient(c: { provider: Provider; clientId: string; clientSecret: string; redirectUris: string[] }): Promise<unknown>;
  consent(mode: ConsentMode, provider?: Provider, omitScopes?: string[]): Promise<unknown>;
  revokeGrant(provider: Provider, email: string): Promise<unknown>;
  expireTokens(provider: Provider, email: string): Promise<unknown>;
  addFault(f: FaultSpec): Promise<unknown>;
  clearFaults(): Promise<unknown>;
  quota(q: { provider?: Provider; email?: string; perSecond?: number | null; googleThrottleStatus?: 403 | 429 }): Promise<unknown>;
  advanceClock(ms: number): Promise<unknown>;
  state(): Promise<{ events: { provider: Provider; calendarId: string; id: string; deleted: boolean; body: Record<string, unknown> }[] } & Record<string, unknown>>;
  requests(): Promise<RequestLogEntry[]>;
  info(): Promise<Record<string, unknown>>;
  /** Any other control route, e.g. `google/sync-tokens/invalidate`. */
  call(method: string, path: string, body?: unknown): Promise<unknown>;
}

export function createControlClient(baseUrl: string): ControlClient {
  const call = async <T = never>(method: string, path: string, body?: unknown): Promise<T> => {
    const res = await fetch(`${baseUrl}/_emulator/${path}`, {
      method,
      headers: body === undefined ? {} : { 'content-type': 'application/json' },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const json = (await res.json()) as T;
    if (!res.ok) throw new Error(`control ${method} ${path}: ${res.status} ${JSON.stringify(json)}`);
    return json;
  };
  return {
    reset: async () => void (await call('POST', 'reset')),
    addAccount: (a) => call('POST', 'accounts', a),
    addCalendar: (c) => call('POST', 'calendars', c),
    addClient: (c) => call('POST', 'clients', c),
    consent: (mode, provider, omitScopes) => call('POST', 'consent', { mode, provider, omitScopes }),
    revokeGrant: (provider, email) => call('POST', 'grants/revoke', { provider, email }),
    expireTokens: (provider, email) => call('POST', 'tokens/expire', { provider, email }),
    addFault: (f) => call('POST', 'faults', f),
    clearFaults: () => call('DELETE', 'faults'),
    quota: (q) => call('POST', 'quota', q),
    advanceClock: (ms) => call('POST', 'clock/advance', { ms }),
    state: () => call('GET', 'state'),
    requests: async () => (await call<{ requests: RequestLogEntry[] }>('GET', 'requests')).requests,
    info: () => call('GET', 'info'),
    call,
  };
}
