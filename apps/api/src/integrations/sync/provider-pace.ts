// Paces sync writes per provider account at that provider's per-user rate, shared by every
// worker process (rate-limiter-flexible on the PostgreSQL server; memory on the embedded
// database, which one process owns). A first sync then runs at the quota instead of
// bouncing off it and backing off; throttled answers are still handled by retry-policy.ts.
import { Injectable } from '@nestjs/common';
import type { CalendarProviderId } from '@fs/contracts';
import { RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible';
import { AppConfig } from '../../config/app-config';
import { RateLimiterFactory } from '../../throttling/rate-limiter.factory';

/**
 * Slots a little wider than 1/rate: a call reaches the provider some milliseconds after its
 * slot (token read, request building, the network), and that delay varies, so calls paced at
 * exactly the rate put rate + 1 in some sliding second now and then (4-7% of a first sync's
 * calls came back throttled with two calls in flight per account).
 */
const PACE_MARGIN = 1.03;

/** Longer than any one slot at the configured rates: past it, another process holds the account's slots. */
const MAX_HELD_WAIT_MS = 2_000;

@Injectable()
export class ProviderPace {
  private readonly limiters: Record<CalendarProviderId, RateLimiterAbstract>;
  /** Per account, the last waiter in this process: the next one starts after it. */
  private readonly queues = new Map<string, Promise<void>>();

  constructor(factory: RateLimiterFactory, config: AppConfig) {
    // One call per 1/rate seconds rather than `rate` calls per second: a fixed one-second
    // window lets 2 x rate through around its edge, and providers count in sliding windows.
    // Whole milliseconds: the PostgreSQL store writes now + duration into a bigint column.
    const perSecond = (provider: CalendarProviderId, rate: number) =>
      factory.create({ keyPrefix: `sync-pace-${provider}`, points: 1, durationSeconds: Math.ceil((1000 / rate) * PACE_MARGIN) / 1000 });
    this.limiters = {
      google: perSecond('google', config.env.SYNC_GOOGLE_CALLS_PER_SECOND),
      microsoft: perSecond('microsoft', config.env.SYNC_MICROSOFT_CALLS_PER_SECOND),
      // A CalDAV server publishes no quota; the Microsoft rate is a polite default.
      caldav: perSecond('caldav', config.env.SYNC_MICROSOFT_CALLS_PER_SECOND),
    };
  }

  /**
   * Waits in this process for this account's next write slot (the slot itself is counted in
   * the shared store, so other processes' writes count too). Resolves with 0 once the slot is
   * taken, or, if it would come later than `maxWaitMs` from now, with the milliseconds still
   * to wait: the caller postpones the job rather than hold it. Waiters of one account queue
   * here, so they take slots in turn instead of all asking the store at each slot.
   */
  take(provider: CalendarProviderId, integrationId: string, maxWaitMs = MAX_HELD_WAIT_MS): Promise<number> {
    const key = `${provider}:${integrationId}`;
    const turn = (this.queues.get(key) ?? Promise.resolve()).then(() => this.takeWithin(provider, integrationId, maxWaitMs));
    const settled = turn.then(
      () => undefined,
      () => undefined,
    );
    this.queues.set(key, settled);
    void settled.then(() => this.queues.get(key) === settled && this.queues.delete(key));
    return turn;
  }

  private async takeWithin(provider: CalendarProviderId, integrationId: string, maxWaitMs: number): Promise<number> {
    const deadline = Date.now() + maxWaitMs;
    for (;;) {
      const wait = await this.waitMs(provider, integrationId);
      if (wait === 0 || Date.now() + wait > deadline) return wait;
      // Waiting here rather than postponing the job: a postponed job is claimed again some
      // time after its slot, and those gaps made a first sync 1.1-1.2x slower than the quota.
      await new Promise((resolve) => setTimeout(resolve, wait));
    }
  }

  /** Takes one write slot for this integration's account: 0 when it may go now, else the milliseconds to wait. */
  private async waitMs(provider: CalendarProviderId, integrationId: string): Promise<number> {
    try {
      await this.limiters[provider].consume(integrationId, 1);
      return 0;
    } catch (error) {
      if (error instanceof RateLimiterRes) return Math.max(1, error.msBeforeNext);
      throw error;
    }
  }
}
