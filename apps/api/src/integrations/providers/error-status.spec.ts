import { describe, expect, it } from 'vitest';
import { providerErrorToApiException } from './error-status';
import { ProviderError, type ProviderErrorCode } from './provider-error';

const answer = (code: ProviderErrorCode, retryAfterMs?: number) => {
  const exception = providerErrorToApiException(new ProviderError(code, 'provider text with a-token-like-value', retryAfterMs));
  return { status: exception.status, code: exception.code, retryAfter: exception.retryAfterSeconds, message: exception.message };
};

describe('providerErrorToApiException', () => {
  it('asks the person to reconnect (409) when the grant is gone or was not given', () => {
    expect(answer('AUTH_REVOKED')).toMatchObject({ status: 409, code: 'INTEGRATION_NEEDS_RECONNECT' });
    expect(answer('ACCESS_DENIED')).toMatchObject({ status: 409, code: 'INTEGRATION_NEEDS_RECONNECT' });
  });

  it('says "try later" (503) for rate limits and transient failures, passing on a known wait', () => {
    expect(answer('RATE_LIMITED', 2500)).toMatchObject({ status: 503, code: 'PROVIDER_UNAVAILABLE', retryAfter: 3 });
    expect(answer('RATE_LIMITED')).toMatchObject({ status: 503, retryAfter: undefined });
    expect(answer('TRANSIENT')).toMatchObject({ status: 503, code: 'PROVIDER_UNAVAILABLE' });
  });

  it('reports a provider refusal (502) for NOT_FOUND and PERMANENT', () => {
    expect(answer('NOT_FOUND')).toMatchObject({ status: 502, code: 'PROVIDER_ERROR' });
    expect(answer('PERMANENT')).toMatchObject({ status: 502, code: 'PROVIDER_ERROR' });
  });

  it('never passes the provider message on to the client', () => {
    expect(answer('PERMANENT').message).not.toContain('token');
  });
});
