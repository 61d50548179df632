// Microsoft failure -> ProviderError: the one place that knows MSAL's and the Graph SDK's
// error shapes. Pure (no I/O, "now" passed in) so every case has a unit test. Decisions go
// by status, OAuth error code and AADSTS number, never by message text; messages we build
// are safe for logs (no token, no raw provider body).
import { AuthError, InteractionRequiredAuthError, ServerError } from '@azure/msal-node';
import { GraphError } from '@microsoft/microsoft-graph-client';
import { AccessTokenRejected, EventEditedElsewhere, ProviderError } from '../provider-error';

/**
 * AADSTS numbers of `invalid_grant` that say "this code exchange was wrong", not "the
 * person's grant is gone": a reused code (54005), a wrong PKCE verifier (501481), a
 * redirect URI that differs from the authorize one (500112). Connecting again fixes
 * nothing on the person's side, so these are PERMANENT rather than AUTH_REVOKED.
 */
const EXCHANGE_MISTAKES = new Set(['54005', '501481', '500112']);

export function microsoftErrorToProviderError(error: unknown, now: Date = new Date()): ProviderError {
  if (error instanceof ProviderError) return error;
  if (error instanceof GraphError) return fromGraph(error, now);
  if (error instanceof AuthError) return fromMsal(error);
  return new ProviderError('TRANSIENT', `Microsoft call failed: ${errorName(error)}`);
}

function fromMsal(error: AuthError): ProviderError {
  const code = error.errorCode;
  const number = error instanceof ServerError || error instanceof InteractionRequiredAuthError ? error.errorNo : undefined;
  const label = `Microsoft identity: ${code || 'error'}${number ? ` AADSTS${number}` : ''}`;
  // MSAL raises InteractionRequiredAuthError only when AAD adds a known suberror; a plain
  // invalid_grant (revoked grant 50173, 90-day inactivity 700082, sign-in frequency 70043)
  // is a ServerError: both mean the person must connect again.
  if (error instanceof InteractionRequiredAuthError) return new ProviderError('AUTH_REVOKED', label);
  if (code === 'invalid_grant') {
    return new ProviderError(number && EXCHANGE_MISTAKES.has(String(number)) ? 'PERMANENT' : 'AUTH_REVOKED', label);
  }
  if (code === 'access_denied') return new ProviderError('ACCESS_DENIED', label);
  const status = error instanceof ServerError ? error.status : undefined;
  if (status === 429) return new ProviderError('RATE_LIMITED', label);
  if ((status !== undefined && status >= 500) || code === 'temporarily_unavailable' || code === 'server_error') {
    return new ProviderError('TRANSIENT', label);
  }
  if (code === 'network_error' || error.name === 'NetworkError') return new ProviderError('TRANSIENT', label);
  // invalid_client (wrong or expired client secret), invalid_scope, invalid_request...:
  // our configuration is wrong; retrying or reconnecting will not help.
  return new ProviderError('PERMANENT', label);
}

function fromGraph(error: GraphError, now: Date): ProviderError {
  const status = error.statusCode;
  const label = `Microsoft Graph: ${status > 0 ? status : 'network error'}${error.code && status > 0 ? ` ${error.code}` : ''}`;
  const retryAfterMs = parseRetryAfter(error.headers?.get('retry-after') ?? null, now);
  // The SDK reports a request that got no HTTP answer (reset, DNS, TLS) with statusCode -1.
  if (status <= 0) return new ProviderError('TRANSIENT', label);
  // 401 InvalidAuthenticationToken: the access token is not accepted. IntegrationAccess
  // refreshes once and retries; only a refused refresh means the grant is gone.
  if (status === 401) return new AccessTokenRejected(label);
  // 403 ErrorAccessDenied: a read-only calendar, or a scope the person did not grant.
  if (status === 403) return new ProviderError('ACCESS_DENIED', label);
  // 404 ErrorItemNotFound (Graph answers 404, not 410, for a deleted event) and 410
  // (an expired delta link, SyncStateNotFound): what we pointed at is gone.
  if (status === 404 || status === 410) return new ProviderError('NOT_FOUND', label);
  if (status === 429) return new ProviderError('RATE_LIMITED', label, retryAfterMs);
  // 5xx (503/504 may carry Retry-After too: honour it when given).
  if (status >= 500) return new ProviderError('TRANSIENT', label, retryAfterMs);
  // 412 ErrorIrresolvableConflict: we sent If-Match (two-way sync) and the person changed the event since.
  if (status === 412) return new EventEditedElsewhere(label);
  // 400, 409: the same request would fail again.
  return new ProviderError('PERMANENT', label);
}

/** Retry-After is delta-seconds or an HTTP date (RFC 9110 10.2.3); undefined when absent or unreadable. */
export function parseRetryAfter(value: string | null, now: Date): number | undefined {
  if (value === null || value.trim() === '') return undefined;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1000;
  const at = Date.parse(trimmed);
  if (Number.isNaN(at)) return undefined;
  return Math.max(0, at - now.getTime());
}

function errorName(error: unknown): string {
  return error instanceof Error ? error.name : typeof error;
}
