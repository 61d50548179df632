// One case per Microsoft failure the adapter can meet, built from the SDKs' own error
// classes with the fields MSAL and the Graph SDK fill from real responses.
import { ClientAuthError, InteractionRequiredAuthError, ServerError } from '@azure/msal-node';
import { GraphError } from '@microsoft/microsoft-graph-client';
import { describe, expect, it } from 'vitest';
import { EventEditedElsewhere, ProviderError } from '../provider-error';
import { microsoftErrorToProviderError as map, parseRetryAfter } from './microsoft-error.mapper';

const NOW = new Date('2026-11-30T10:00:00Z');

function tokenError(error: string, aadsts: number, status = 400, suberror?: string): ServerError {
  // What MSAL's ResponseHandler builds from the token endpoint's error body.
  return new ServerError(error, 'corr-id', `Error(s): ${aadsts} - Description: AADSTS${aadsts}: ...`, suberror, String(aadsts), status);
}

function graphError(status: number, code: string | null, headers?: Record<string, string>): GraphError {
  // What the Graph SDK's GraphErrorHandler builds from a Graph error response.
  const error = new GraphError(status, 'message from Graph');
  error.code = code;
  if (headers) error.headers = new Headers(headers);
  return error;
}

describe('MSAL token errors', () => {
  it.each([
    [50173, 'grant revoked (FreshTokenNeeded)'],
    [700082, 'refresh token expired after 90 days of inactivity'],
    [70043, 'Conditional Access sign-in frequency'],
    [70008, 'expired or revoked grant'],
    [9002313, 'malformed refresh token'],
  ])('plain invalid_grant AADSTS%i (%s) is AUTH_REVOKED', (aadsts) => {
    expect(map(tokenError('invalid_grant', aadsts), NOW).code).toBe('AUTH_REVOKED');
  });

  it('InteractionRequiredAuthError (invalid_grant with a suberror) is AUTH_REVOKED', () => {
    const error = new InteractionRequiredAuthError('invalid_grant', 'corr-id', 'AADSTS70043: ...', 'bad_token', '', '', '', '70043');
    expect(map(error, NOW).code).toBe('AUTH_REVOKED');
  });

  it('a reused authorization code (AADSTS54005) is PERMANENT, not a revoked grant', () => {
    expect(map(tokenError('invalid_grant', 54005), NOW).code).toBe('PERMANENT');
  });

  it('a wrong PKCE verifier (AADSTS501481) is PERMANENT', () => {
    expect(map(tokenError('invalid_grant', 501481), NOW).code).toBe('PERMANENT');
  });

  it('invalid_client (bad client secret, AADSTS7000215) is PERMANENT: our configuration, not the person', () => {
    expect(map(tokenError('invalid_client', 7000215, 401), NOW).code).toBe('PERMANENT');
  });

  it('access_denied is ACCESS_DENIED', () => {
    expect(map(tokenError('access_denied', 65004), NOW).code).toBe('ACCESS_DENIED');
  });

  it('a 429 from the token endpoint is RATE_LIMITED', () => {
    expect(map(tokenError('temporarily_unavailable', 90033, 429), NOW).code).toBe('RATE_LIMITED');
  });

  it('a 5xx from the token endpoint is TRANSIENT', () => {
    expect(map(tokenError('server_error', 90033, 503), NOW).code).toBe('TRANSIENT');
  });

  it("MSAL's network_error (no HTTP answer) is TRANSIENT", () => {
    expect(map(new ClientAuthError('network_error', 'corr-id'), NOW).code).toBe('TRANSIENT');
  });

  it('the message names the error and the AADSTS number, nothing from the body', () => {
    const message = map(tokenError('invalid_grant', 50173), NOW).message;
    expect(message).toBe('Microsoft identity: invalid_grant AADSTS50173');
  });
});

describe('Graph errors', () => {
  it('401 InvalidAuthenticationToken (after the adapter refreshed once) is AUTH_REVOKED', () => {
    expect(map(graphError(401, 'InvalidAuthenticationToken'), NOW).code).toBe('AUTH_REVOKED');
  });

  it('403 ErrorAccessDenied is ACCESS_DENIED', () => {
    expect(map(graphError(403, 'ErrorAccessDenied'), NOW).code).toBe('ACCESS_DENIED');
  });

  it('404 ErrorItemNotFound is NOT_FOUND', () => {
    expect(map(graphError(404, 'ErrorItemNotFound'), NOW).code).toBe('NOT_FOUND');
  });

  it('410 SyncStateNotFound is NOT_FOUND', () => {
    expect(map(graphError(410, 'SyncStateNotFound'), NOW).code).toBe('NOT_FOUND');
  });

  it('412 ErrorIrresolvableConflict (our If-Match, the person edited the event) is EventEditedElsewhere', () => {
    expect(map(graphError(412, 'ErrorIrresolvableConflict'), NOW)).toBeInstanceOf(EventEditedElsewhere);
  });

  it('400 BadRequest is PERMANENT', () => {
    expect(map(graphError(400, 'BadRequest'), NOW).code).toBe('PERMANENT');
  });

  it('429 with Retry-After seconds is RATE_LIMITED with retryAfterMs', () => {
    const error = map(graphError(429, 'ApplicationThrottled', { 'Retry-After': '7' }), NOW);
    expect([error.code, error.retryAfterMs]).toEqual(['RATE_LIMITED', 7000]);
  });

  it('429 with a Retry-After date waits until that date', () => {
    const error = map(graphError(429, 'ApplicationThrottled', { 'Retry-After': 'Mon, 30 Nov 2026 10:00:30 GMT' }), NOW);
    expect(error.retryAfterMs).toBe(30_000);
  });

  it('429 without Retry-After is RATE_LIMITED with no delay given', () => {
    const error = map(graphError(429, 'ApplicationThrottled'), NOW);
    expect([error.code, error.retryAfterMs]).toEqual(['RATE_LIMITED', undefined]);
  });

  it('503 is TRANSIENT and keeps its Retry-After', () => {
    const error = map(graphError(503, 'ServiceNotAvailable', { 'Retry-After': '2' }), NOW);
    expect([error.code, error.retryAfterMs]).toEqual(['TRANSIENT', 2000]);
  });

  it('a network error (the SDK reports statusCode -1) is TRANSIENT', () => {
    const error = new GraphError(-1, '', new TypeError('fetch failed'));
    expect(map(error, NOW).code).toBe('TRANSIENT');
  });
});

describe('anything else', () => {
  it('a ProviderError passes through unchanged', () => {
    const error = new ProviderError('NOT_FOUND', 'x');
    expect(map(error, NOW)).toBe(error);
  });

  it('an unknown error is TRANSIENT and its message is not copied (it may hold a token)', () => {
    const error = map(new TypeError('Bearer eyJsecret failed'), NOW);
    expect([error.code, error.message]).toEqual(['TRANSIENT', 'Microsoft call failed: TypeError']);
  });
});

describe('parseRetryAfter', () => {
  it('reads delta-seconds, an HTTP date, and ignores garbage', () => {
    expect(parseRetryAfter('0', NOW)).toBe(0);
    expect(parseRetryAfter('Mon, 30 Nov 2026 09:59:00 GMT', NOW)).toBe(0);
    expect(parseRetryAfter('soon', NOW)).toBeUndefined();
    expect(parseRetryAfter(null, NOW)).toBeUndefined();
  });
});
