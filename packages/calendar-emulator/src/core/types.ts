// Owns the shapes of the emulator's in-memory state, shared by every provider module.
// Provider-specific extras live in `EmulatorState.ext[provider]` so core never grows
// provider fields.

export type Provider = 'google' | 'microsoft' | 'caldav';
export const PROVIDERS: readonly Provider[] = ['google', 'microsoft', 'caldav'];
/** The providers a person connects with OAuth (CalDAV uses a password: src/caldav/). */
export type OAuthProvider = Exclude<Provider, 'caldav'>;
export const OAUTH_PROVIDERS: readonly OAuthProvider[] = ['google', 'microsoft'];

export interface Account {
  provider: Provider;
  /** Stable id derived from provider + email (Microsoft uses it as the object id). */
  id: string;
  email: string;
  name: string;
}

export interface Calendar {
  provider: Provider;
  id: string;
  ownerEmail: string;
  name: string;
  canWrite: boolean;
  primary: boolean;
  timeZone: string;
}

export interface OAuthClient {
  provider: Provider;
  clientId: string;
  clientSecret: string;
  redirectUris: string[];
  /** Dev-only leniency: any http://localhost or http://127.0.0.1 redirect URI, any port. */
  lenient: boolean;
}

export interface Grant {
  provider: Provider;
  email: string;
  clientId: string;
  scopes: string[];
  revoked: boolean;
  createdAt: number;
}

export interface AuthCode {
  code: string;
  provider: Provider;
  email: string;
  clientId: string;
  redirectUri: string;
  scopes: string[];
  codeChallenge?: string;
  codeChallengeMethod?: 'S256' | 'plain';
  /** Whether this authorization is allowed to mint a refresh token (provider rules). */
  issueRefreshToken: boolean;
  nonce?: string;
  expiresAt: number;
  used: boolean;
}

export interface AccessToken {
  token: string;
  provider: Provider;
  email: string;
  clientId: string;
  scopes: string[];
  expiresAt: number;
  /**
   * An app-only token (client credentials / a service account's JWT bearer without `sub`):
   * it acts as no user (`email` is empty); Graph reaches mailboxes through /users/{id}.
   */
  appOnly?: { tenant: string; roles: string[] };
}

export interface RefreshToken {
  token: string;
  provider: Provider;
  email: string;
  clientId: string;
  scopes: string[];
  revoked: boolean;
  /** Optional absolute expiry (epoch ms); undefined = until revoked. */
  expiresAt?: number;
  createdAt: number;
}

/** One event as stored; `body` is the provider's own resource representation. */
export interface StoredEvent {
  provider: Provider;
  calendarId: string;
  id: string;
  deleted: boolean;
  /** Global, monotonically increasing change number: drives sync tokens and delta links. */
  changeSeq: number;
  body: Record<string, unknown>;
}

export type ConsentMode = 'auto' | 'deny' | 'page';

export interface EmulatorState {
  accounts: Account[];
  calendars: Calendar[];
  clients: OAuthClient[];
  grants: Grant[];
  codes: Map<string, AuthCode>;
  accessTokens: Map<string, AccessToken>;
  refreshTokens: Map<string, RefreshToken>;
  /** Keyed by `${provider}|${calendarId}|${eventId}`. */
  events: Map<string, StoredEvent>;
  changeSeq: number;
  consent: Record<Provider, ConsentMode>;
  /** Scopes the simulated user unticks when approving (granular consent); [] = grant all. */
  consentOmitScopes: Record<Provider, string[]>;
  /** Free-form per-provider state (sync epochs, delta links...), cleared by reset. */
  ext: Record<Provider, Record<string, unknown>>;
}
