// Our errors: a closed set of codes (from @fs/contracts), one table from code to HTTP
// status. Services throw ApiException; the filter turns anything into an ApiError body.
import type { ApiError, ApiErrorCode, FieldError } from '@fs/contracts';

export const HTTP_STATUS_BY_CODE: Record<ApiErrorCode, number> = {
  VALIDATION_FAILED: 400,
  UNAUTHENTICATED: 401,
  INVALID_CREDENTIALS: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  INTERNAL: 500,
  SERVICE_UNAVAILABLE: 503,
  PAYLOAD_TOO_LARGE: 413,
  TOO_MANY_ATTEMPTS: 429,
  INTEGRATION_NOT_CONNECTED: 409,
  INTEGRATION_NEEDS_RECONNECT: 409,
  PROVIDER_NOT_CONFIGURED: 503,
  PROVIDER_UNAVAILABLE: 503,
  PROVIDER_ERROR: 502,
};

export class ApiException extends Error {
  constructor(
    readonly code: ApiErrorCode,
    message: string,
    readonly fields?: FieldError[],
    /** Sent as a Retry-After header (seconds) when the cause said how long to wait. */
    readonly retryAfterSeconds?: number,
  ) {
    super(message);
    this.name = 'ApiException';
  }

  get status(): number {
    return HTTP_STATUS_BY_CODE[this.code];
  }

  toBody(): ApiError {
    return {
      statusCode: this.status,
      code: this.code,
      message: this.message,
      ...(this.fields ? { fields: this.fields } : {}),
      ...(this.code === 'TOO_MANY_ATTEMPTS' && this.retryAfterSeconds !== undefined ? { retryAfterSeconds: this.retryAfterSeconds } : {}),
    };
  }
}

export const invalidField = (field: string, message: string) =>
  new ApiException('VALIDATION_FAILED', `${field} ${message}`, [{ field, message }]);
export const notFound = (what: string) => new ApiException('NOT_FOUND', `${what} not found`);
export const forbidden = (why: string) => new ApiException('FORBIDDEN', why);
