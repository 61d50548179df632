// Google Workspace org-wide access: a service account with domain-wide delegation. Its JSON
// key (uploaded by the admin, kept sealed by our token vault) signs a JWT bearer grant with
// sub = the technician's work email, through google-auth-library's JWT client; the token then
// acts as that user on the Calendar API like their own. Source:
// developers.google.com/identity/protocols/oauth2/service-account ("Delegating domain-wide
// authority to the service account").
import { JWT } from 'google-auth-library';
import type { ProviderTokens } from '../calendar-provider';
import type { GoogleEndpoints } from '../provider-endpoints';
import { ProviderError } from '../provider-error';
import { mapGoogleError } from './google-error.mapper';

/** What the admin delegates in the Admin console: events, and reading the calendar list (to find the primary / named calendar). */
export const GOOGLE_DELEGATED_SCOPES = [
  'https://www.googleapis.com/auth/calendar.events',
  'https://www.googleapis.com/auth/calendar.calendarlist.readonly',
];

/** google-auth-library always posts this grant here, whatever the key's token_uri says. */
const GOOGLE_TOKEN_URL = 'https://oauth2.googleapis.com/token';

interface ServiceAccountKey {
  client_email: string;
  private_key: string;
}

/** The key's fields we use; PERMANENT (the admin uploaded something else) when missing. */
export function parseServiceAccountKey(json: string): ServiceAccountKey {
  let parsed: unknown;
  try {
    parsed = JSON.parse(json);
  } catch {
    throw new ProviderError('PERMANENT', 'Google: the service account key is not JSON');
  }
  const key = parsed as Partial<ServiceAccountKey> & { type?: unknown };
  if (key.type !== 'service_account' || typeof key.client_email !== 'string' || typeof key.private_key !== 'string') {
    throw new ProviderError('PERMANENT', 'Google: not a service account key (type, client_email, private_key)');
  }
  return { client_email: key.client_email, private_key: key.private_key };
}

export async function serviceAccountToken(endpoints: GoogleEndpoints, keyJson: string, mailbox: string, now: Date): Promise<ProviderTokens> {
  const key = parseServiceAccountKey(keyJson);
  const jwt = new JWT({ email: key.client_email, key: key.private_key, scopes: GOOGLE_DELEGATED_SCOPES, subject: mailbox });
  if (endpoints.tokenUrl !== GOOGLE_TOKEN_URL) {
    // Emulator mode: the JWT client's transporter (a Gaxios instance) is pointed at its token endpoint.
    const tokenUrl = new URL(endpoints.tokenUrl);
    jwt.transporter.interceptors.request.add({
      resolved: async (options) => {
        if (String(options.url) === GOOGLE_TOKEN_URL) options.url = tokenUrl;
        return options;
      },
    });
  }
  try {
    const answer = await jwt.authorize();
    if (!answer.access_token) throw new ProviderError('PERMANENT', 'Google: JWT bearer answer without an access token');
    const expiresIn = answer.expiry_date ? Math.max(60_000, answer.expiry_date - Date.now()) : 3600_000;
    return { accessToken: answer.access_token, expiresAt: new Date(now.getTime() + expiresIn), scopes: GOOGLE_DELEGATED_SCOPES };
  } catch (error) {
    throw mapServiceAccountError(error);
  }
}

/**
 * The token endpoint names an unknown `sub` with invalid_grant like a revoked grant; only its
 * description ("Invalid email or User ID") tells them apart, so this one case reads it: the
 * technician has no mailbox, the organisation's grant is fine. Everything else as usual
 * (invalid_grant / unauthorized_client: the key or the delegation is gone -> AUTH_REVOKED).
 */
function mapServiceAccountError(error: unknown): ProviderError {
  const data = (error as { response?: { data?: { error?: string; error_description?: string } } }).response?.data;
  if (data?.error === 'invalid_grant' && data.error_description === 'Invalid email or User ID') {
    return new ProviderError('NOT_FOUND', 'Google: no user for that email');
  }
  return mapGoogleError(error);
}
