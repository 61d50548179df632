// The one error type API calls throw. Its `code` comes from the closed set in @fs/contracts
// (plus NETWORK when no answer arrived), so the UI translates by code and never by message.
import { apiErrorSchema, type ApiErrorCode, type FieldError } from '@fs/contracts';

export type ClientErrorCode = ApiErrorCode | 'NETWORK';

export class ApiRequestError extends Error {
  constructor(
    readonly status: number,
    readonly code: ClientErrorCode,
    message: string,
    readonly fields: FieldError[] = [],
    /** With TOO_MANY_ATTEMPTS: how many seconds to wait before trying again. */
    readonly retryAfterSeconds?: number,
  ) {
    super(message);
    this.name = 'ApiRequestError';
  }
}

/**
 * Builds the error from a failed response's status, (possibly non-JSON) body and
 * Retry-After header (used when the body does not say how long to wait).
 */
export function toApiRequestError(status: number, body: unknown, retryAfterHeader?: string | null): ApiRequestError {
  const parsed = apiErrorSchema.safeParse(body);
  if (parsed.success) {
    const { code, message, fields, retryAfterSeconds } = parsed.data;
    const headerSeconds = retryAfterHeader && /^\d+$/.test(retryAfterHeader) ? Number(retryAfterHeader) : undefined;
    return new ApiRequestError(status, code, message, fields ?? [], retryAfterSeconds ?? headerSeconds);
  }
  // A proxy or crash page rather than our API: fall back on the HTTP status.
  return new ApiRequestError(status, codeFromStatus(status), `HTTP ${status}`);
}

function codeFromStatus(status: number): ClientErrorCode {
  if (status === 401) return 'UNAUTHENTICATED';
  if (status === 403) return 'FORBIDDEN';
  if (status === 404) return 'NOT_FOUND';
  if (status === 413) return 'PAYLOAD_TOO_LARGE';
  if (status === 429) return 'TOO_MANY_ATTEMPTS';
  // A gateway answering for an API that is down or unreachable.
  if (status === 502 || status === 503 || status === 504) return 'NETWORK';
  return 'INTERNAL';
}
