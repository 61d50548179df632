// The one interface every calendar provider adapter implements. Only adapters import a
// provider SDK; everything else talks to this interface and receives ProviderError,
// never an SDK error shape.
import type { CalendarProviderId, ProviderCalendar } from '@fs/contracts';
import type { ProviderError } from './provider-error';

export type { ProviderError };

/** What an OAuth grant gives us. `refreshToken` is absent when the provider sent none. */
export interface ProviderTokens {
  accessToken: string;
  refreshToken?: string;
  /** Absolute expiry of the access token. */
  expiresAt: Date;
  scopes: string[];
}

export interface AuthorizationRequest {
  /** Opaque, single-use value we check on the callback. */
  state: string;
  /** PKCE code challenge (S256) of the verifier we keep server-side. */
  codeChallenge: string;
  /** Pre-selects the account on the consent page when known. */
  loginHint?: string;
}

export interface CodeExchange {
  code: string;
  codeVerifier: string;
}

export interface ConnectedAccount {
  tokens: ProviderTokens;
  /** The provider account's email, shown to the person ("connected as ..."). */
  accountEmail: string;
}

/**
 * Calls that need an access token receive the current tokens and may refresh them: the
 * adapter returns refreshed tokens through `onTokens` so the caller can store them.
 */
export interface TokenContext {
  tokens: ProviderTokens;
  onTokens(tokens: ProviderTokens): Promise<void>;
}

export interface CalendarProvider {
  readonly id: CalendarProviderId;
  /** URL of the provider's consent page, to send the person's browser to. */
  authorizationUrl(request: AuthorizationRequest): string;
  /** Exchanges the callback's code for tokens and identifies the account. */
  exchangeCode(exchange: CodeExchange): Promise<ConnectedAccount>;
  /** A fresh access token from a refresh token; AUTH_REVOKED when the grant is gone. */
  refresh(refreshToken: string): Promise<ProviderTokens>;
  /** Best effort: tells the provider to forget the grant. */
  revoke(tokens: ProviderTokens): Promise<void>;
  listCalendars(context: TokenContext): Promise<ProviderCalendar[]>;
}
