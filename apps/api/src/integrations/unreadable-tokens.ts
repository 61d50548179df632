// Stored tokens we can no longer open: sealed with a key TOKEN_ENCRYPTION_KEY no longer
// holds (an old key removed before `pnpm tokens:reseal` ran, a wrong key under the same id).
// This is our configuration's fault, not the provider's, so it has its own error and its own
// code (TOKEN_UNREADABLE) rather than AUTH_REVOKED. IntegrationRepository throws it after
// marking the integration NEEDS_RECONNECT; IntegrationsService answers it as the same 409 as
// a revoked grant, which the PWA already turns into "Reconnect".
import { ApiException } from '../common/api-error';
import type { VaultError } from './oauth/token-vault';

export class TokensUnreadable extends Error {
  constructor(
    readonly integrationId: string,
    readonly vaultError: VaultError,
  ) {
    super(`integration ${integrationId}: stored tokens cannot be opened (${vaultError.failure}${vaultError.keyId ? `, key "${vaultError.keyId}"` : ''})`);
    this.name = 'TokensUnreadable';
  }
}

/** The one log line for the admin: which integration, which key, what to do. Never a token. */
export function unreadableTokensLogLine(integrationId: string, provider: string, cause: VaultError): string {
  const what =
    cause.failure === 'UNKNOWN_KEY'
      ? `were sealed with key "${cause.keyId}", which TOKEN_ENCRYPTION_KEY does not hold`
      : cause.failure === 'AUTHENTICATION_FAILED'
        ? `do not open with the key TOKEN_ENCRYPTION_KEY holds under id "${cause.keyId}" (a different key under the same id?)`
        : 'are not in the vault format';
  return (
    `${provider} integration ${integrationId}: its stored tokens ${what}. ` +
    'It is marked NEEDS_RECONNECT (TOKEN_UNREADABLE): its person must reconnect. ' +
    'If the key was removed by mistake, put it back in TOKEN_ENCRYPTION_KEY (after the first key) to spare the other integrations.'
  );
}

/** What the HTTP caller gets: the revoked-grant answer (409 INTEGRATION_NEEDS_RECONNECT), with our own wording. */
export function tokensUnreadableToApiException(): ApiException {
  return new ApiException('INTEGRATION_NEEDS_RECONNECT', 'The stored access to this calendar account can no longer be read: reconnect it');
}
