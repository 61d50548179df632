// Paces sync writes per provider account at that provider's per-user rate, shared by every
// worker process (rate-limiter-flexible on the PostgreSQL server; memory on the embedded
// database, which one process owns). A first sync then runs at the quota instead of
// bouncing off it and backing off; throttled answers are still handled by retry-policy.ts.
import { Injectable } from '@nestjs/common';
import type { CalendarProviderId } from '@fs/contracts';
import { RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible';
import { AppConfig } from '../../config/app-config';
import { RateLimiterFactory } from '../../throttling/rate-limiter.factory';

@Injectable()
export class ProviderPace {
  private readonly limiters: Record<CalendarProviderId, RateLimiterAbstract>;

  constructor(factory: RateLimiterFactory, config: AppConfig) {
    // One call per 1/rate seconds rather than `rate` calls per second: a fixed one-second
    // window lets 2 x rate through around its edge, and providers count in sliding windows.
    // Whole milliseconds: the PostgreSQL store writes now + duration into a bigint column.
    const perSecond = (provider: CalendarProviderId, rate: number) =>
      factory.create({ keyPrefix: `sync-pace-${provider}`, points: 1, durationSeconds: Math.ceil(1000 / rate) / 1000 });
    this.limiters = {
      google: perSecond('google', config.env.SYNC_GOOGLE_CALLS_PER_SECOND),
      microsoft: perSecond('microsoft', config.env.SYNC_MICROSOFT_CALLS_PER_SECOND),
      // A CalDAV server publishes no quota; the Microsoft rate is a polite default.
      caldav: perSecond('caldav', config.env.SYNC_MICROSOFT_CALLS_PER_SECOND),
    };
  }

  /** Takes one write slot for this integration's account: 0 when it may go now, else the milliseconds to wait. */
  async waitMs(provider: CalendarProviderId, integrationId: string): Promise<number> {
    try {
      await this.limiters[provider].consume(integrationId, 1);
      return 0;
    } catch (error) {
      if (error instanceof RateLimiterRes) return Math.max(1, error.msBeforeNext);
      throw error;
    }
  }
}
