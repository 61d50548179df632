import { describe, expect, it } from 'vitest';
import { MAX_ATTEMPTS, RETRY_BASE_MS, RETRY_CAP_MS, backoffMs, syncActionFor } from './retry-policy';

const base = { operation: 'upsert' as const, attempts: 1, random: 0.5 };

describe('syncActionFor', () => {
  it('RATE_LIMITED with Retry-After waits exactly what the provider asked', () => {
    expect(syncActionFor({ ...base, code: 'RATE_LIMITED', retryAfterMs: 30_000 })).toEqual({ kind: 'retry', delayMs: 30_000 });
  });

  it('RATE_LIMITED without Retry-After backs off exponentially', () => {
    expect(syncActionFor({ ...base, code: 'RATE_LIMITED', attempts: 4, random: 0.99 })).toEqual({ kind: 'retry', delayMs: backoffMs(4, 0.99) });
  });

  it('TRANSIENT backs off with jitter', () => {
    expect(syncActionFor({ ...base, code: 'TRANSIENT', attempts: 3, random: 0.5 })).toEqual({ kind: 'retry', delayMs: 2_000 });
  });

  it('a retryable code gives up with its code after the maximum attempts', () => {
    expect(syncActionFor({ ...base, code: 'TRANSIENT', attempts: MAX_ATTEMPTS })).toEqual({ kind: 'give-up', code: 'TRANSIENT' });
  });

  it('AUTH_REVOKED parks the job until the person reconnects', () => {
    expect(syncActionFor({ ...base, code: 'AUTH_REVOKED' })).toEqual({ kind: 'park' });
  });

  it('NOT_FOUND on delete is success', () => {
    expect(syncActionFor({ ...base, operation: 'delete', code: 'NOT_FOUND' })).toEqual({ kind: 'done' });
  });

  it('NOT_FOUND on upsert recreates once, then gives up', () => {
    expect(syncActionFor({ ...base, code: 'NOT_FOUND' })).toEqual({ kind: 'recreate' });
    expect(syncActionFor({ ...base, code: 'NOT_FOUND', attempts: 2 })).toEqual({ kind: 'give-up', code: 'NOT_FOUND' });
  });

  it('PERMANENT and ACCESS_DENIED give up at once with their code', () => {
    expect(syncActionFor({ ...base, code: 'PERMANENT' })).toEqual({ kind: 'give-up', code: 'PERMANENT' });
    expect(syncActionFor({ ...base, code: 'ACCESS_DENIED' })).toEqual({ kind: 'give-up', code: 'ACCESS_DENIED' });
  });
});

describe('backoffMs', () => {
  it('grows exponentially, is capped, and never drops below the base delay', () => {
    expect(backoffMs(1, 0.999)).toBe(RETRY_BASE_MS);
    expect(backoffMs(5, 0.999)).toBe(Math.floor(16_000 * 0.999));
    expect(backoffMs(40, 0.999)).toBe(Math.floor(RETRY_CAP_MS * 0.999));
    expect(backoffMs(5, 0)).toBe(RETRY_BASE_MS);
  });
});
