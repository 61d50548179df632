// The closed set of failures a provider call can end in, whatever the provider. Adapters
// translate SDK errors into these with pure, tested functions; callers decide what to do
// from the code alone (see sync/ for the worker's action table).
import type { IntegrationErrorCode } from '@fs/contracts';

export type ProviderErrorCode = Extract<
  IntegrationErrorCode,
  'AUTH_REVOKED' | 'RATE_LIMITED' | 'TRANSIENT' | 'NOT_FOUND' | 'PERMANENT' | 'ACCESS_DENIED'
>;

export class ProviderError extends Error {
  constructor(
    readonly code: ProviderErrorCode,
    /** Safe for logs: never a token, never the provider's raw body. */
    message: string,
    /** For RATE_LIMITED: how long the provider asked us to wait, when it said. */
    readonly retryAfterMs?: number,
  ) {
    super(message);
    this.name = 'ProviderError';
  }
}

/**
 * Two-way sync: the provider no longer accepts our cursor (Google 410 fullSyncRequired, Graph
 * 410 SyncStateNotFound). NOT_FOUND to anyone who reads only the code; the pull reads the
 * type and lists the calendar again in full.
 */
export class SyncCursorExpired extends ProviderError {
  constructor(message: string) {
    super('NOT_FOUND', message);
    this.name = 'SyncCursorExpired';
  }
}

/**
 * The provider refused the access token of a call (HTTP 401) before its expiry. Still
 * AUTH_REVOKED to anyone who reads only the code; IntegrationAccess, the one owner of
 * token refresh, reads the type: it refreshes once and retries, and only a refused
 * refresh means the grant is gone. Adapters never refresh by themselves.
 */
export class AccessTokenRejected extends ProviderError {
  constructor(message: string) {
    super('AUTH_REVOKED', message);
    this.name = 'AccessTokenRejected';
  }
}

/**
 * Two-way sync: an update sent with If-Match on the etag we last wrote was refused (HTTP 412,
 * or the event is gone): the person edited or deleted the event since. TRANSIENT to anyone who
 * reads only the code; the sync worker reads the type: it does not overwrite the edit, it has
 * a pull record it first (see SyncWorker and CalendarPuller).
 */
export class EventEditedElsewhere extends ProviderError {
  constructor(message: string) {
    super('TRANSIENT', message);
    this.name = 'EventEditedElsewhere';
  }
}
