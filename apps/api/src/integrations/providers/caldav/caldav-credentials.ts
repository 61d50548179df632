// A CalDAV connection has no OAuth grant: the server URL, the user name and an app-specific
// password are the credential. They travel inside ProviderTokens.accessToken (sealed by the
// token vault like any OAuth token, through IntegrationRepository), with no refresh token and
// an expiry that never comes, so IntegrationAccess never tries to refresh them: a 401 goes
// straight to AUTH_REVOKED -> needs reconnect.
import type { ProviderTokens } from '../calendar-provider';

export interface CalDavCredentials {
  /** The server's root or discovery URL, e.g. https://caldav.fastmail.com. */
  serverUrl: string;
  username: string;
  password: string;
}

/** Far enough that the "refresh ahead of expiry" rule never fires. */
const NEVER = new Date('9999-12-31T00:00:00Z');
export const CALDAV_SCOPE = 'caldav:basic';

export function credentialsToTokens(credentials: CalDavCredentials): ProviderTokens {
  const { serverUrl, username, password } = credentials;
  return { accessToken: JSON.stringify({ v: 1, serverUrl, username, password }), expiresAt: NEVER, scopes: [CALDAV_SCOPE] };
}

export function tokensToCredentials(tokens: ProviderTokens): CalDavCredentials {
  const parsed = JSON.parse(tokens.accessToken) as Partial<CalDavCredentials> & { v?: number };
  if (parsed.v !== 1 || !parsed.serverUrl || !parsed.username || typeof parsed.password !== 'string') {
    throw new Error('stored CalDAV credentials have an unknown shape');
  }
  return { serverUrl: parsed.serverUrl, username: parsed.username, password: parsed.password };
}
