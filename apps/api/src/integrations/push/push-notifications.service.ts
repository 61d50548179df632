// Two-way sync push, the receiving side: checks a notification against the watch it names
// (channel / subscription id, then the secret's hash in constant time) and, when it is ours,
// only marks the integration's pull due now and wakes the worker loops (NOTIFY). No provider
// call here: the request is answered within milliseconds, the pull runs in the worker. A
// notification naming no active watch, or with the wrong secret, changes nothing.
import { Injectable, Logger } from '@nestjs/common';
import type { GoogleNotification, GraphNotification } from '@fs/contracts';
import { Clock } from '../../common/clock';
import { CalendarPullRepository } from '../inbound/calendar-pull.repository';
import { WatchChannelRepository } from './watch-channel.repository';
import { matchesWatchSecret } from './watch-secret';

@Injectable()
export class PushNotificationsService {
  private readonly logger = new Logger(PushNotificationsService.name);

  constructor(
    private readonly watches: WatchChannelRepository,
    private readonly pulls: CalendarPullRepository,
    private readonly clock: Clock,
  ) {}

  /** Google: `sync` only says the channel works; `exists` / `not_exists`: the calendar changed. */
  async google(notification: GoogleNotification): Promise<void> {
    const integrationId = await this.verify(notification.channelId, notification.token);
    if (integrationId && notification.resourceState !== 'sync') await this.pulls.pullSoon(integrationId, this.clock.now());
  }

  /** Graph change notifications: one pull per integration, however many items name it. */
  async microsoft(notifications: GraphNotification[]): Promise<void> {
    const due = new Set<string>();
    for (const n of notifications) {
      const integrationId = await this.verify(n.subscriptionId, n.clientState ?? '');
      if (integrationId) due.add(integrationId);
    }
    for (const integrationId of due) await this.pulls.pullSoon(integrationId, this.clock.now());
  }

  /**
   * Graph lifecycle notifications: subscriptionRemoved -> a new subscription, and a pull for
   * what happened meanwhile; reauthorizationRequired -> renewed now (PATCH); missed -> a full
   * pull (notifications were lost; the listing is diffed against what we wrote).
   */
  async microsoftLifecycle(notifications: GraphNotification[]): Promise<void> {
    for (const n of notifications) {
      const integrationId = await this.verify(n.subscriptionId, n.clientState ?? '');
      if (!integrationId) continue;
      const now = this.clock.now();
      if (n.lifecycleEvent === 'subscriptionRemoved') {
        await this.watches.recreateSoon(integrationId, now);
        await this.pulls.pullSoon(integrationId, now);
      } else if (n.lifecycleEvent === 'reauthorizationRequired') {
        await this.watches.renewSoon(integrationId, now);
      } else if (n.lifecycleEvent === 'missed') {
        await this.pulls.pullSoon(integrationId, now, { full: true });
      }
    }
  }

  /** The integration the notification is for; undefined (and a log line, never the secret) when forged or stale. */
  private async verify(channelId: string, secret: string): Promise<string | undefined> {
    const watch = await this.watches.secretOf(channelId);
    if (watch && matchesWatchSecret(secret, watch.secretHash)) return watch.integrationId;
    this.logger.warn('push notification ignored: no active watch with that id and secret');
    return undefined;
  }
}
