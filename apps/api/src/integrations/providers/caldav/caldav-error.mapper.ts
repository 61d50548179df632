// CalDAV answer status -> our closed set of provider errors. Pure; one case per status.
// A 401 is AccessTokenRejected (the credentials were refused): IntegrationAccess, finding no
// refresh token, turns it into AUTH_REVOKED and the person is asked to reconnect.
import { AccessTokenRejected, ProviderError } from '../provider-error';

export function caldavStatusError(status: number, what: string, retryAfter?: string | null): ProviderError {
  if (status === 401) return new AccessTokenRejected(`${what}: 401`);
  if (status === 403) return new ProviderError('ACCESS_DENIED', `${what}: 403`);
  if (status === 404 || status === 410) return new ProviderError('NOT_FOUND', `${what}: ${status}`);
  if (status === 429) return new ProviderError('RATE_LIMITED', `${what}: 429`, retryAfterMs(retryAfter));
  if (status === 408 || status >= 500) return new ProviderError('TRANSIENT', `${what}: ${status}`, status === 503 ? retryAfterMs(retryAfter) : undefined);
  return new ProviderError('PERMANENT', `${what}: ${status}`);
}

/** The server could not be reached at all (DNS, refused, reset, timeout): try again later. */
export function caldavNetworkError(what: string, error: unknown): ProviderError {
  const code = (error as { cause?: { code?: string } })?.cause?.code ?? 'network';
  return new ProviderError('TRANSIENT', `${what}: ${code}`);
}

function retryAfterMs(header: string | null | undefined): number | undefined {
  if (!header) return undefined;
  const seconds = Number(header);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const at = Date.parse(header);
  return Number.isNaN(at) ? undefined : Math.max(0, at - Date.now());
}
