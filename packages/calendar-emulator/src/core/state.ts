// Owns creation and seeding of the in-memory state: default accounts, their three calendars
// each, and the default dev clients. Reset = replace the state with a fresh createState().
import { OAUTH_PROVIDERS, PROVIDERS } from './types.js';
import type { Account, Calendar, EmulatorState, OAuthClient, OAuthProvider, Provider } from './types.js';
import { stableGuid, stableHash } from './ids.js';

export const DEFAULT_EMAILS = ['alice@example.com', 'bob@example.com', 'dispatch@example.com'];
export const DEFAULT_TIME_ZONE = 'Europe/Paris';

export const DEFAULT_CLIENTS: Record<OAuthProvider, { clientId: string; clientSecret: string }> = {
  google: {
    clientId: 'emulator-dev-client.apps.googleusercontent.com',
    clientSecret: 'emulator-dev-google-secret',
  },
  microsoft: {
    clientId: stableGuid('calendar-emulator', 'microsoft-default-client'),
    clientSecret: 'emulator-dev-microsoft-secret',
  },
};

export function createState(): EmulatorState {
  const state: EmulatorState = {
    accounts: [],
    calendars: [],
    clients: [],
    grants: [],
    codes: new Map(),
    accessTokens: new Map(),
    refreshTokens: new Map(),
    events: new Map(),
    changeSeq: 0,
    consent: { google: 'auto', microsoft: 'auto', caldav: 'auto' },
    consentOmitScopes: { google: [], microsoft: [], caldav: [] },
    ext: { google: {}, microsoft: {}, caldav: {} },
  };
  for (const provider of OAUTH_PROVIDERS) state.clients.push({ provider, ...DEFAULT_CLIENTS[provider], redirectUris: [], lenient: true });
  for (const provider of PROVIDERS) {
    for (const email of DEFAULT_EMAILS) addAccount(state, provider, email, nameFromEmail(email));
  }
  return state;
}

function nameFromEmail(email: string): string {
  const local = email.split('@')[0] ?? email;
  return local.charAt(0).toUpperCase() + local.slice(1);
}

/** Stable calendar id in each provider's usual shape, so restarts keep stored ids valid. */
export function calendarIdFor(provider: Provider, email: string, name: string, primary: boolean): string {
  const h = stableHash(provider, email, name);
  if (provider === 'google') return primary ? email : `${h.slice(0, 26)}@group.calendar.google.com`;
  // A path segment of the calendar's URL (src/caldav/): readable, unique across accounts.
  if (provider === 'caldav') return `${name.toLowerCase().replace(/[^a-z0-9]+/g, '-')}-${h.slice(0, 8)}`;
  return `AAMkA${Buffer.from(h.slice(0, 48), 'hex').toString('base64url')}`;
}

/**
 * Adds an account with its primary, "Interventions" (writable) and "Holidays" (read-only).
 * CalDAV has no primary calendar: its first one is a writable "Personal".
 */
export function addAccount(state: EmulatorState, provider: Provider, email: string, name: string): Account {
  const existing = findAccount(state, provider, email);
  if (existing) return existing;
  const account: Account = { provider, id: stableGuid(provider, email), email, name };
  state.accounts.push(account);
  if (provider === 'caldav') addCalendar(state, provider, email, 'Personal', true, false);
  else addCalendar(state, provider, email, provider === 'google' ? email : 'Calendar', true, true);
  addCalendar(state, provider, email, 'Interventions', true, false);
  addCalendar(state, provider, email, 'Holidays', false, false);
  return account;
}

export function addCalendar(
  state: EmulatorState,
  provider: Provider,
  email: string,
  name: string,
  canWrite: boolean,
  primary = false,
): Calendar {
  const calendar: Calendar = {
    provider,
    id: calendarIdFor(provider, email, name, primary),
    ownerEmail: email,
    name,
    canWrite,
    primary,
    timeZone: DEFAULT_TIME_ZONE,
  };
  state.calendars.push(calendar);
  return calendar;
}

export function findAccount(state: EmulatorState, provider: Provider, email: string): Account | undefined {
  const e = email.toLowerCase();
  return state.accounts.find((a) => a.provider === provider && a.email.toLowerCase() === e);
}

export function calendarsOf(state: EmulatorState, provider: Provider, email: string): Calendar[] {
  return state.calendars.filter((c) => c.provider === provider && c.ownerEmail === email);
}

export function findClient(state: EmulatorState, provider: Provider, clientId: string): OAuthClient | undefined {
  return state.clients.find((c) => c.provider === provider && c.clientId === clientId);
}

/** Exact match for registered clients; loopback-any-port for the lenient dev client. */
export function redirectUriAllowed(client: OAuthClient, uri: string): boolean {
  if (client.redirectUris.includes(uri)) return true;
  if (!client.lenient) return false;
  try {
    const u = new URL(uri);
    return u.protocol === 'http:' && (u.hostname === 'localhost' || u.hostname === '127.0.0.1');
  } catch {
    return false;
  }
}

export function eventKey(provider: Provider, calendarId: string, eventId: string): string {
  return `${provider}|${calendarId}|${eventId}`;
}

export function nextChangeSeq(state: EmulatorState): number {
  state.changeSeq += 1;
  return state.changeSeq;
}
