// The one table from a provider error code to what the sync worker does next. Pure and
// exhaustive: a new code fails to compile until someone decides its action here.
import type { ProviderErrorCode } from '../providers/provider-error';

export type SyncOperation = 'upsert' | 'delete';

export type SyncAction =
  /** Try again later; the job keeps its place in the outbox. */
  | { kind: 'retry'; delayMs: number }
  /** The grant is gone (IntegrationAccess marked NEEDS_RECONNECT): park until reconnect. */
  | { kind: 'park' }
  /** Nothing left to do: the event is already gone. */
  | { kind: 'done' }
  /** Our known event id is stale: write again without it (the adapter finds or creates). */
  | { kind: 'recreate' }
  /** Retrying will not help: record FAILED with the code and tell the person. */
  | { kind: 'give-up'; code: ProviderErrorCode };

export const RETRY_BASE_MS = 1_000;
export const RETRY_CAP_MS = 10 * 60_000;
/** About an hour of backoff in total before we stop and say so. */
export const MAX_ATTEMPTS = 10;

export interface RetryInput {
  code: ProviderErrorCode;
  operation: SyncOperation;
  /** Attempts already made, including the one that just failed (>= 1). */
  attempts: number;
  retryAfterMs?: number;
  /** In [0, 1); injected so tests are deterministic. */
  random: number;
}

/** Full jitter (AWS architecture blog): spreads retries of many jobs hit by one outage. */
export function backoffMs(attempts: number, random: number): number {
  const ceiling = Math.min(RETRY_CAP_MS, RETRY_BASE_MS * 2 ** Math.max(0, attempts - 1));
  return Math.max(RETRY_BASE_MS, Math.floor(ceiling * random));
}

export function syncActionFor(input: RetryInput): SyncAction {
  const retryLater = (delayMs: number): SyncAction =>
    input.attempts >= MAX_ATTEMPTS ? { kind: 'give-up', code: input.code } : { kind: 'retry', delayMs };
  switch (input.code) {
    case 'RATE_LIMITED':
      // The provider said when: waiting less only earns another 429.
      return retryLater(input.retryAfterMs ?? backoffMs(input.attempts, input.random));
    case 'TRANSIENT':
      return retryLater(backoffMs(input.attempts, input.random));
    case 'AUTH_REVOKED':
      return { kind: 'park' };
    case 'NOT_FOUND':
      // Deleting what is gone is the goal reached; for a write, the event vanished under us
      // (or the calendar did: then the recreate fails again and ends PERMANENT/NOT_FOUND).
      if (input.operation === 'delete') return { kind: 'done' };
      return input.attempts >= 2 ? { kind: 'give-up', code: 'NOT_FOUND' } : { kind: 'recreate' };
    case 'ACCESS_DENIED':
    case 'PERMANENT':
      return { kind: 'give-up', code: input.code };
  }
}
