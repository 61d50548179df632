import { describe, expect, it } from 'vitest';
import { EventEditedElsewhere, ProviderError } from '../provider-error';
import { isGoogleDuplicate, isGoogleRateLimit, mapGoogleError } from './google-error.mapper';

const calendarError = (status: number, reason: string, headers: unknown = new Headers()) => ({
  status,
  response: { status, headers, data: { error: { code: status, message: 'x', errors: [{ domain: 'global', reason, message: 'x' }] } } },
});
const tokenError = (status: number, error: string) => ({
  status,
  response: { status, data: { error, error_description: 'Token has been expired or revoked.' } },
});

describe('mapGoogleError', () => {
  it('invalid_grant from the token endpoint (revoked or expired refresh token) is AUTH_REVOKED', () => {
    expect(mapGoogleError(tokenError(400, 'invalid_grant')).code).toBe('AUTH_REVOKED');
  });

  it('unauthorized_client (a refresh token of another client) is AUTH_REVOKED', () => {
    expect(mapGoogleError(tokenError(401, 'unauthorized_client')).code).toBe('AUTH_REVOKED');
  });

  it('401 from the Calendar API (after the library refreshed once) is AUTH_REVOKED', () => {
    expect(mapGoogleError(calendarError(401, 'authError')).code).toBe('AUTH_REVOKED');
  });

  it('403 insufficientPermissions (calendar scope not granted) is AUTH_REVOKED: only a new consent helps', () => {
    expect(mapGoogleError(calendarError(403, 'insufficientPermissions')).code).toBe('AUTH_REVOKED');
  });

  it('403 rateLimitExceeded is RATE_LIMITED without a Retry-After', () => {
    const error = mapGoogleError(calendarError(403, 'rateLimitExceeded'));
    expect(error.code).toBe('RATE_LIMITED');
    expect(error.retryAfterMs).toBeUndefined();
  });

  it('403 userRateLimitExceeded is RATE_LIMITED', () => {
    expect(mapGoogleError(calendarError(403, 'userRateLimitExceeded')).code).toBe('RATE_LIMITED');
  });

  it('403 quotaExceeded (Calendar usage limits) is RATE_LIMITED', () => {
    expect(mapGoogleError(calendarError(403, 'quotaExceeded')).code).toBe('RATE_LIMITED');
  });

  it('403 with rateLimitExceeded as a later reason of the list is RATE_LIMITED, not an auth error', () => {
    const error = calendarError(403, 'insufficientPermissions');
    error.response.data.error.errors.push({ domain: 'usageLimits', reason: 'rateLimitExceeded', message: 'x' });
    expect(mapGoogleError(error).code).toBe('RATE_LIMITED');
  });

  it('403 in the newer format (ErrorInfo reason RATE_LIMIT_EXCEEDED, no errors list) is RATE_LIMITED', () => {
    const error = {
      status: 403,
      response: {
        status: 403,
        data: { error: { code: 403, status: 'PERMISSION_DENIED', details: [{ '@type': 'type.googleapis.com/google.rpc.ErrorInfo', reason: 'RATE_LIMIT_EXCEEDED' }] } },
      },
    };
    expect(mapGoogleError(error).code).toBe('RATE_LIMITED');
  });

  it('a rate-limit 403 keeps the Retry-After Google sent, like a 429', () => {
    expect(mapGoogleError(calendarError(403, 'userRateLimitExceeded', { 'retry-after': '3' })).retryAfterMs).toBe(3000);
  });

  it('429 is RATE_LIMITED, keeping a Retry-After when one is sent', () => {
    expect(mapGoogleError(calendarError(429, 'rateLimitExceeded', new Headers({ 'retry-after': '7' }))).retryAfterMs).toBe(7000);
    expect(mapGoogleError(calendarError(429, 'rateLimitExceeded', { 'retry-after': '2' })).retryAfterMs).toBe(2000);
  });

  it('403 forbiddenForNonOrganizer (a permission) is PERMANENT', () => {
    expect(mapGoogleError(calendarError(403, 'forbiddenForNonOrganizer')).code).toBe('PERMANENT');
  });

  it('412 conditionNotMet (our If-Match, the person edited the event) is EventEditedElsewhere', () => {
    expect(mapGoogleError(calendarError(412, 'conditionNotMet'))).toBeInstanceOf(EventEditedElsewhere);
  });

  it('500 and 503 are TRANSIENT', () => {
    expect(mapGoogleError(calendarError(500, 'backendError')).code).toBe('TRANSIENT');
    expect(mapGoogleError(calendarError(503, 'backendError')).code).toBe('TRANSIENT');
  });

  it('a network failure without a response (reset, refused) is TRANSIENT', () => {
    expect(mapGoogleError(Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' })).code).toBe('TRANSIENT');
    expect(mapGoogleError(new TypeError('fetch failed')).code).toBe('TRANSIENT');
  });

  it('404 is NOT_FOUND', () => {
    expect(mapGoogleError(calendarError(404, 'notFound')).code).toBe('NOT_FOUND');
  });

  it('410 (deleted, or sync token gone) is NOT_FOUND', () => {
    expect(mapGoogleError(calendarError(410, 'deleted')).code).toBe('NOT_FOUND');
  });

  it('400 invalid and other client errors are PERMANENT', () => {
    expect(mapGoogleError(calendarError(400, 'invalid')).code).toBe('PERMANENT');
    expect(mapGoogleError(tokenError(401, 'invalid_client')).code).toBe('PERMANENT');
  });

  it('keeps a ProviderError as it is, and never puts the provider body in the message', () => {
    const original = new ProviderError('NOT_FOUND', 'x');
    expect(mapGoogleError(original)).toBe(original);
    const message = mapGoogleError(tokenError(400, 'invalid_grant')).message;
    expect(message).toBe('Google: 400 invalid_grant');
  });
});

describe('isGoogleRateLimit (throttling: back off, never refresh the token)', () => {
  it('is true for 429 and for 403 rateLimitExceeded, userRateLimitExceeded and quotaExceeded', () => {
    expect(isGoogleRateLimit(calendarError(429, 'rateLimitExceeded'))).toBe(true);
    expect(isGoogleRateLimit(calendarError(403, 'rateLimitExceeded'))).toBe(true);
    expect(isGoogleRateLimit(calendarError(403, 'userRateLimitExceeded'))).toBe(true);
    expect(isGoogleRateLimit(calendarError(403, 'quotaExceeded'))).toBe(true);
  });

  it('is false for a 403 that is a permission or scope problem, a 401 and a network error', () => {
    expect(isGoogleRateLimit(calendarError(403, 'insufficientPermissions'))).toBe(false);
    expect(isGoogleRateLimit(calendarError(403, 'forbiddenForNonOrganizer'))).toBe(false);
    expect(isGoogleRateLimit(calendarError(401, 'authError'))).toBe(false);
    expect(isGoogleRateLimit(new TypeError('fetch failed'))).toBe(false);
    expect(isGoogleRateLimit(undefined)).toBe(false);
  });
});

describe('isGoogleDuplicate', () => {
  it('is true for 409 duplicate (our chosen id exists, tombstones included) and false otherwise', () => {
    expect(isGoogleDuplicate(calendarError(409, 'duplicate'))).toBe(true);
    expect(isGoogleDuplicate(calendarError(404, 'notFound'))).toBe(false);
    expect(isGoogleDuplicate(new ProviderError('PERMANENT', 'x'))).toBe(false);
    expect(isGoogleDuplicate(undefined)).toBe(false);
  });
});
