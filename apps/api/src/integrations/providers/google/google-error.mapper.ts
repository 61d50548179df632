// Pure: turns what google-auth-library / @googleapis/calendar throw (a GaxiosError, or a
// network error with no response) into our closed ProviderError. Decisions rest on the
// status, the OAuth `error` field and the Calendar `reason`, never on message text; the
// ProviderError message names the status/reason only (never a token or a provider body).
import { AccessTokenRejected, EventEditedElsewhere, ProviderError, type ProviderErrorCode } from '../provider-error';

/** The parts of a GaxiosError we read (structural, so this file needs no SDK import). */
export interface GoogleErrorShape {
  status?: number;
  code?: string | number;
  response?: { status?: number; data?: unknown; headers?: unknown };
}

const RATE_LIMIT_REASONS = new Set(['rateLimitExceeded', 'userRateLimitExceeded', 'quotaExceeded']);
/** The newer error format's google.rpc.ErrorInfo reason for the same throttling. */
const RATE_LIMIT_INFO_REASONS = new Set(['RATE_LIMIT_EXCEEDED', 'RESOURCE_EXHAUSTED']);

/**
 * True when Google is throttling us: a 429, or a 403 whose reason is a rate limit (Google
 * uses 403 for most of them). Such a 403 is not an auth error: refreshing the token and
 * retrying at once only spends more quota; back off as for a 429.
 */
export function isGoogleRateLimit(error: unknown): boolean {
  const shape = (typeof error === 'object' && error !== null ? error : {}) as GoogleErrorShape;
  const status = shape.response?.status ?? (typeof shape.status === 'number' ? shape.status : undefined);
  return status === 429 || (status === 403 && isRateLimitBody(shape.response?.data));
}

/** 410 Gone: on events.list with a sync token, "fullSyncRequired" (the token is no longer honoured). */
export function isGoogleGone(error: unknown): boolean {
  const shape = (typeof error === 'object' && error !== null ? error : {}) as GoogleErrorShape;
  return (shape.response?.status ?? (typeof shape.status === 'number' ? shape.status : undefined)) === 410;
}

/** 404 Not Found (e.g. channels.stop of a channel already stopped or expired). */
export function isGoogleNotFound(error: unknown): boolean {
  const shape = (typeof error === 'object' && error !== null ? error : {}) as GoogleErrorShape;
  return (shape.response?.status ?? (typeof shape.status === 'number' ? shape.status : undefined)) === 404;
}

export function mapGoogleError(error: unknown): ProviderError {
  if (error instanceof ProviderError) return error;
  const shape = (typeof error === 'object' && error !== null ? error : {}) as GoogleErrorShape;
  const status = shape.response?.status ?? (typeof shape.status === 'number' ? shape.status : undefined);
  const oauthError = oauthErrorOf(shape.response?.data);
  const reason = calendarReasonOf(shape.response?.data);
  const what = [status ?? 'no response', oauthError ?? reason].filter(Boolean).join(' ');
  const make = (code: ProviderErrorCode, retryAfterMs?: number) => new ProviderError(code, `Google: ${what}`, retryAfterMs);

  if (status === undefined) return make('TRANSIENT'); // connection refused/reset, DNS, timeout
  // The token endpoint's answer to a revoked, expired or foreign refresh token.
  if (oauthError === 'invalid_grant' || oauthError === 'unauthorized_client') return make('AUTH_REVOKED');
  // Our client id/secret are wrong: an admin must fix the configuration, not the person.
  if (oauthError === 'invalid_client') return make('PERMANENT');
  // The access token was refused: IntegrationAccess refreshes once and retries.
  if (status === 401) return new AccessTokenRejected(`Google: ${what}`);
  // Throttling first: a rate-limit 403 must never be read as a grant problem.
  // Google rarely sends Retry-After; the worker's backoff decides the wait then.
  if (isGoogleRateLimit(shape)) return make('RATE_LIMITED', retryAfterMsOf(shape.response?.headers));
  // The person unticked the Calendar scope (granular consent): only a new consent fixes it.
  if (status === 403 && reason === 'insufficientPermissions') return make('AUTH_REVOKED');
  if (status === 404 || status === 410) return make('NOT_FOUND');
  // conditionNotMet: we sent If-Match (two-way sync) and the person changed the event since.
  if (status === 412) return new EventEditedElsewhere(`Google: ${what}`);
  if (status >= 500) return make('TRANSIENT');
  return make('PERMANENT');
}

function oauthErrorOf(data: unknown): string | undefined {
  const value = (data as { error?: unknown } | undefined)?.error;
  return typeof value === 'string' ? value : undefined;
}

/** Any of the body's reasons (errors[].reason, or details[].reason of an ErrorInfo) is a rate limit. */
function isRateLimitBody(data: unknown): boolean {
  const error = (data as { error?: { errors?: unknown; details?: unknown } } | undefined)?.error;
  const reasonsOf = (list: unknown) => (Array.isArray(list) ? list.map((entry) => (entry as { reason?: unknown } | null)?.reason) : []);
  return (
    reasonsOf(error?.errors).some((r) => typeof r === 'string' && RATE_LIMIT_REASONS.has(r)) ||
    reasonsOf(error?.details).some((r) => typeof r === 'string' && RATE_LIMIT_INFO_REASONS.has(r))
  );
}

function calendarReasonOf(data: unknown): string | undefined {
  const errors = (data as { error?: { errors?: { reason?: unknown }[] } } | undefined)?.error?.errors;
  const reason = Array.isArray(errors) ? errors[0]?.reason : undefined;
  return typeof reason === 'string' ? reason : undefined;
}

function retryAfterMsOf(headers: unknown): number | undefined {
  // gaxios gives a fetch Headers, not always of this realm's class: test for get(), not instanceof.
  const value =
    typeof (headers as Headers | undefined)?.get === 'function'
      ? (headers as Headers).get('retry-after')
      : (headers as Record<string, unknown> | undefined)?.['retry-after'];
  const seconds = typeof value === 'string' ? Number(value) : NaN;
  return Number.isFinite(seconds) && seconds >= 0 ? seconds * 1000 : undefined;
}

/**
 * 409 `duplicate`: an insert with our chosen id found that id taken, i.e. our event exists
 * (possibly as a deleted tombstone). Not a failure for upsertEvent: it updates instead.
 */
export function isGoogleDuplicate(error: unknown): boolean {
  if (error instanceof ProviderError || typeof error !== 'object' || error === null) return false;
  const shape = error as GoogleErrorShape;
  return (shape.response?.status ?? shape.status) === 409;
}
