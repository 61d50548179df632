// The one table from a provider failure to what the API answers. The PWA keys its
// messages on these codes: INTEGRATION_NEEDS_RECONNECT shows "Reconnect".
import type { ApiErrorCode } from '@fs/contracts';
import { ApiException } from '../../common/api-error';
import type { ProviderError, ProviderErrorCode } from './provider-error';

const API_CODE_BY_PROVIDER_CODE: Record<ProviderErrorCode, { code: ApiErrorCode; message: string }> = {
  AUTH_REVOKED: { code: 'INTEGRATION_NEEDS_RECONNECT', message: 'The calendar account refused our access: reconnect it' },
  ACCESS_DENIED: { code: 'INTEGRATION_NEEDS_RECONNECT', message: 'Calendar access was not granted: reconnect it' },
  RATE_LIMITED: { code: 'PROVIDER_UNAVAILABLE', message: 'The calendar provider is rate limiting us: try again later' },
  TRANSIENT: { code: 'PROVIDER_UNAVAILABLE', message: 'The calendar provider is unavailable: try again later' },
  NOT_FOUND: { code: 'PROVIDER_ERROR', message: 'The calendar provider did not find what we asked for' },
  PERMANENT: { code: 'PROVIDER_ERROR', message: 'The calendar provider rejected the request' },
};

/** ProviderError messages stay in logs; the client gets our fixed text for the code. */
export function providerErrorToApiException(error: ProviderError): ApiException {
  const { code, message } = API_CODE_BY_PROVIDER_CODE[error.code];
  const retryAfterSeconds = error.retryAfterMs === undefined ? undefined : Math.ceil(error.retryAfterMs / 1000);
  return new ApiException(code, message, undefined, retryAfterSeconds);
}
