// Owns a person's private ICS feed: turning it on (or regenerating it: a new token whose
// hash replaces the old one, so the old URL stops at once), turning it off, and serving it
// to whoever holds the token, rate limited per token. The token itself is never stored,
// logged or returned except in the answer that creates it.
import { Injectable } from '@nestjs/common';
import type { IcsFeedCreated, IcsFeedStatus } from '@fs/contracts';
import type { RateLimiterAbstract } from 'rate-limiter-flexible';
import { ApiException } from '../common/api-error';
import { Clock } from '../common/clock';
import { isOutOfPoints, tooManyAttempts } from '../throttling/retry-after';
import { RateLimiterFactory } from '../throttling/rate-limiter.factory';
import { EventPrivacyService } from '../integrations/privacy/event-privacy.service';
import { buildFeed, feedWindow } from './ics-feed.builder';
import { IcsFeedRepository } from './ics-feed.repository';
import { hashFeedToken, looksLikeFeedToken, newFeedToken } from './ics-token';

/** Calendar apps poll every few minutes at most; a person pressing "refresh" stays far below this. */
export const FEED_REQUESTS_PER_HOUR = 60;
/** The public path of a feed, below the API prefix; log redaction hides the token in it. */
export const feedPath = (token: string) => `/api/v1/ics-feed/${token}.ics`;

@Injectable()
export class IcsFeedService {
  private readonly limiter: RateLimiterAbstract;

  constructor(
    private readonly feeds: IcsFeedRepository,
    private readonly privacy: EventPrivacyService,
    private readonly clock: Clock,
    limiters: RateLimiterFactory,
  ) {
    this.limiter = limiters.create({ keyPrefix: 'ics-feed', points: FEED_REQUESTS_PER_HOUR, durationSeconds: 3600 });
  }

  async status(userId: string): Promise<IcsFeedStatus> {
    const feed = await this.feeds.findByUser(userId);
    return { enabled: feed !== null, createdAt: feed?.createdAt.toISOString() ?? null };
  }

  /** Turns the feed on, or regenerates it: either way a new URL, and any previous one is dead. */
  async regenerate(userId: string, origin: string): Promise<IcsFeedCreated> {
    const token = newFeedToken();
    const createdAt = this.clock.now();
    await this.feeds.replaceToken(userId, hashFeedToken(token), createdAt);
    return { enabled: true, createdAt: createdAt.toISOString(), url: `${origin}${feedPath(token)}` };
  }

  disable(userId: string): Promise<void> {
    return this.feeds.delete(userId);
  }

  /** The feed of a token: NOT_FOUND for an unknown or revoked one, TOO_MANY_ATTEMPTS beyond the limit. */
  async render(token: string): Promise<{ body: string; etag: string }> {
    if (!looksLikeFeedToken(token)) throw new ApiException('NOT_FOUND', 'No such feed');
    const tokenHash = hashFeedToken(token);
    // Counted by hash: the rate_limits table must not hold a usable token either.
    await this.limiter.consume(tokenHash).catch((rejection: unknown) => {
      throw isOutOfPoints(rejection) ? tooManyAttempts(rejection.msBeforeNext, 'feed requests') : rejection;
    });
    const owner = await this.feeds.findOwner(tokenHash);
    if (!owner) throw new ApiException('NOT_FOUND', 'No such feed');
    const rows = await this.feeds.interventions(owner.userId, feedWindow(this.clock.now()));
    return buildFeed('Interventions', rows, await this.privacy.current());
  }
}
