// Slows password guessing, per account and per client address, on counters every API
// process shares (see RateLimiterFactory). The first LOGIN_FREE_FAILURES_* failures cost
// nothing; each further one locks that key for LOGIN_BLOCK_SECONDS, doubled per failure
// up to LOGIN_BLOCK_MAX_SECONDS. A success clears the account's counter only: clearing
// the address's too would let anyone holding one account launder guesses at others.
import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { RateLimiterAbstract } from 'rate-limiter-flexible';
import { AppConfig } from '../config/app-config';
import { RateLimiterFactory } from '../throttling/rate-limiter.factory';
import { tooManyAttempts } from '../throttling/retry-after';

/** Failures are forgotten this long after the first one of a series. */
const FAILURE_WINDOW_SECONDS = 24 * 3600;

interface KeyKind {
  failures: RateLimiterAbstract;
  locks: RateLimiterAbstract;
  free: number;
}

@Injectable()
export class LoginThrottle {
  private readonly account: KeyKind;
  private readonly address: KeyKind;

  constructor(
    limiters: RateLimiterFactory,
    private readonly config: AppConfig,
  ) {
    const kind = (name: string, free: number): KeyKind => ({
      // Counts only: enough points never to refuse by itself.
      failures: limiters.create({ keyPrefix: `login-${name}-failures`, points: 1_000_000, durationSeconds: FAILURE_WINDOW_SECONDS }),
      // Holds the current lock, set with block(); a key is locked while it is out of points.
      locks: limiters.create({ keyPrefix: `login-${name}-lock`, points: 1, durationSeconds: 1 }),
      free,
    });
    this.account = kind('account', config.env.LOGIN_FREE_FAILURES_PER_ACCOUNT);
    this.address = kind('address', config.env.LOGIN_FREE_FAILURES_PER_ADDRESS);
  }

  /** Throws TOO_MANY_ATTEMPTS (with the wait) while the account or the address is locked. */
  async assertAllowed(email: string, address: string): Promise<void> {
    const [byAccount, byAddress] = await Promise.all([this.account.locks.get(accountKey(email)), this.address.locks.get(address)]);
    const waits = [byAccount, byAddress].filter((res) => res && res.remainingPoints <= 0).map((res) => res!.msBeforeNext);
    if (waits.length > 0) throw tooManyAttempts(Math.max(...waits), 'failed logins');
  }

  async recordFailure(email: string, address: string): Promise<void> {
    await Promise.all([this.fail(this.account, accountKey(email)), this.fail(this.address, address)]);
  }

  async recordSuccess(email: string): Promise<void> {
    const key = accountKey(email);
    await Promise.all([this.account.failures.delete(key), this.account.locks.delete(key)]);
  }

  private async fail(kind: KeyKind, key: string): Promise<void> {
    const { consumedPoints } = await kind.failures.consume(key);
    const excess = consumedPoints - kind.free;
    if (excess <= 0) return;
    const { LOGIN_BLOCK_SECONDS: base, LOGIN_BLOCK_MAX_SECONDS: max } = this.config.env;
    await kind.locks.block(key, Math.min(base * 2 ** Math.min(excess - 1, 30), max));
  }
}

/** Hashed so the shared table never holds email addresses; lower-cased by the login contract. */
const accountKey = (email: string) => createHash('sha256').update(email).digest('hex');
