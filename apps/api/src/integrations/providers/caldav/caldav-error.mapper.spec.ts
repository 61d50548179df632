import { describe, expect, it } from 'vitest';
import { AccessTokenRejected } from '../provider-error';
import { caldavNetworkError, caldavStatusError } from './caldav-error.mapper';

describe('caldavStatusError', () => {
  it.each([
    [403, 'ACCESS_DENIED'],
    [404, 'NOT_FOUND'],
    [410, 'NOT_FOUND'],
    [429, 'RATE_LIMITED'],
    [408, 'TRANSIENT'],
    [500, 'TRANSIENT'],
    [503, 'TRANSIENT'],
    [400, 'PERMANENT'],
    [415, 'PERMANENT'],
  ])('%i -> %s', (status, code) => {
    expect(caldavStatusError(status, 'PUT').code).toBe(code);
  });

  it('401 is a refused credential, for IntegrationAccess to judge', () => {
    expect(caldavStatusError(401, 'PUT')).toBeInstanceOf(AccessTokenRejected);
  });

  it('keeps Retry-After (seconds) on 429 and 503', () => {
    expect(caldavStatusError(429, 'PUT', '7').retryAfterMs).toBe(7000);
    expect(caldavStatusError(503, 'PUT', '2').retryAfterMs).toBe(2000);
  });

  it('an unreachable server is TRANSIENT, named by its network code only', () => {
    const error = caldavNetworkError('PROPFIND', Object.assign(new TypeError('fetch failed'), { cause: { code: 'ECONNREFUSED' } }));
    expect([error.code, error.message]).toEqual(['TRANSIENT', 'PROPFIND: ECONNREFUSED']);
  });
});
