// Owns Google's two error formats: the Calendar v3 envelope
// ({"error":{"errors":[{domain,reason,message,...}],"code","message"}}, developers.google.com/calendar/api/guides/errors)
// and the OAuth endpoints' flat {"error","error_description"} (RFC 6749 §5.2 as Google serves it).
import type { Response } from 'express';
import type { ProviderHooks } from '../core/context.js';
import type { EmulatorContext } from '../core/context.js';

export interface GoogleErrorItem {
  domain: string;
  reason: string;
  message: string;
  locationType?: string;
  location?: string;
}

/** Thrown by Calendar handlers; turned into the envelope by `sendGoogleError`. */
export class GoogleApiError extends Error {
  constructor(
    readonly status: number,
    readonly item: GoogleErrorItem,
  ) {
    super(item.message);
  }
}

export function envelope(status: number, item: GoogleErrorItem) {
  return { error: { errors: [item], code: status, message: item.message } };
}

export function sendGoogleError(res: Response, err: GoogleApiError): void {
  if (err.status === 401) res.setHeader('WWW-Authenticate', 'Bearer realm="https://accounts.google.com/", error="invalid_token"');
  res.status(err.status).json(envelope(err.status, err.item));
}

export const gerr = {
  invalid: (message: string, location?: string) =>
    new GoogleApiError(400, { domain: 'global', reason: 'invalid', message, ...(location ? { locationType: 'parameter', location } : {}) }),
  required: (message: string) => new GoogleApiError(400, { domain: 'global', reason: 'required', message }),
  timeRangeEmpty: () =>
    new GoogleApiError(400, { domain: 'calendar', reason: 'timeRangeEmpty', message: 'The specified time range is empty.', locationType: 'parameter', location: 'timeMax' }),
  authError: () =>
    new GoogleApiError(401, { domain: 'global', reason: 'authError', message: 'Invalid Credentials', locationType: 'header', location: 'Authorization' }),
  loginRequired: () =>
    new GoogleApiError(401, { domain: 'global', reason: 'required', message: 'Login Required.', locationType: 'header', location: 'Authorization' }),
  insufficientScopes: () =>
    new GoogleApiError(403, { domain: 'global', reason: 'insufficientPermissions', message: 'Request had insufficient authentication scopes.' }),
  forbidden: () => new GoogleApiError(403, { domain: 'global', reason: 'forbidden', message: 'Forbidden' }),
  notFound: () => new GoogleApiError(404, { domain: 'global', reason: 'notFound', message: 'Not Found' }),
  duplicate: () => new GoogleApiError(409, { domain: 'global', reason: 'duplicate', message: 'The requested identifier already exists.' }),
  deleted: () => new GoogleApiError(410, { domain: 'global', reason: 'deleted', message: 'Resource has been deleted' }),
  fullSyncRequired: () =>
    new GoogleApiError(410, {
      domain: 'calendar',
      reason: 'fullSyncRequired',
      message: 'Sync token is no longer valid, a full sync is required.',
      locationType: 'parameter',
      location: 'syncToken',
    }),
  conditionNotMet: () =>
    new GoogleApiError(412, { domain: 'global', reason: 'conditionNotMet', message: 'Precondition Failed', locationType: 'header', location: 'If-Match' }),
  userRateLimit: (status: 403 | 429) =>
    status === 403
      ? new GoogleApiError(403, { domain: 'usageLimits', reason: 'userRateLimitExceeded', message: 'User Rate Limit Exceeded' })
      : new GoogleApiError(429, { domain: 'usageLimits', reason: 'rateLimitExceeded', message: 'Rate Limit Exceeded' }),
};

const DEFAULT_ITEMS: Record<number, GoogleErrorItem> = {
  400: { domain: 'global', reason: 'badRequest', message: 'Bad Request' },
  401: gerr.authError().item,
  403: { domain: 'usageLimits', reason: 'rateLimitExceeded', message: 'Rate Limit Exceeded' },
  404: gerr.notFound().item,
  409: gerr.duplicate().item,
  410: gerr.deleted().item,
  412: gerr.conditionNotMet().item,
  429: { domain: 'usageLimits', reason: 'rateLimitExceeded', message: 'Rate Limit Exceeded' },
  500: { domain: 'global', reason: 'backendError', message: 'Backend Error' },
  503: { domain: 'global', reason: 'backendError', message: 'Backend Error' },
};

const OAUTH_ROUTES = new Set(['authorize', 'token', 'revoke', 'tokeninfo']);

export function oauthErrorBody(status: number): { error: string; error_description: string } {
  if (status === 400) return { error: 'invalid_request', error_description: 'Bad Request' };
  if (status === 401) return { error: 'invalid_client', error_description: 'Unauthorized' };
  if (status === 429) return { error: 'rate_limit_exceeded', error_description: 'Rate Limit Exceeded' };
  return { error: 'internal_failure', error_description: 'Backend Error' };
}

export function googleHooks(ctx: EmulatorContext): ProviderHooks {
  return {
    errorResponse(status, message, route) {
      if (route && OAUTH_ROUTES.has(route)) return { body: oauthErrorBody(status) };
      const item = DEFAULT_ITEMS[status] ?? { domain: 'global', reason: 'backendError', message: message ?? 'Error' };
      // Body-parser failures arrive here as 400 with the parser's message.
      const it = status === 400 && message ? { domain: 'global', reason: 'parseError', message: 'Parse Error' } : item;
      return { body: envelope(status, it) };
    },
    throttleResponse() {
      const e = gerr.userRateLimit(ctx.settings.googleThrottleStatus);
      return { status: e.status, body: envelope(e.status, e.item) };
    },
  };
}
