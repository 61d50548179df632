// Push notifications, the receiving side: checks a notification against the watch it names
// (channel / subscription id, then the secret's hash in constant time) and, when it is ours,
// only marks due what that watch is for: the two-way pull (`pull` watch) or the busy-time read
// (`busy` watch), and wakes the loop that runs it (NOTIFY). No provider call here: the request
// is answered within milliseconds, the pull / read runs in the background. A notification
// naming no active watch, or with the wrong secret, changes nothing.
import { Injectable, Logger } from '@nestjs/common';
import type { GoogleNotification, GraphNotification } from '@fs/contracts';
import { Clock } from '../../common/clock';
import { BusyBlockRepository } from '../availability/busy-block.repository';
import { CalendarPullRepository } from '../inbound/calendar-pull.repository';
import { WatchChannelRepository, type WatchSecret } from './watch-channel.repository';
import { matchesWatchSecret } from './watch-secret';

type Watch = Omit<WatchSecret, 'secretHash'>;

@Injectable()
export class PushNotificationsService {
  private readonly logger = new Logger(PushNotificationsService.name);

  constructor(
    private readonly watches: WatchChannelRepository,
    private readonly pulls: CalendarPullRepository,
    private readonly busy: BusyBlockRepository,
    private readonly clock: Clock,
  ) {}

  /** Google: `sync` only says the channel works; `exists` / `not_exists`: the calendar changed. */
  async google(notification: GoogleNotification): Promise<void> {
    const watch = await this.verify(notification.channelId, notification.token);
    if (watch && notification.resourceState !== 'sync') await this.changed(watch);
  }

  /** Graph change notifications: one pull / read per integration and purpose, however many items name it. */
  async microsoft(notifications: GraphNotification[]): Promise<void> {
    const due = new Map<string, Watch>();
    for (const n of notifications) {
      const watch = await this.verify(n.subscriptionId, n.clientState ?? '');
      if (watch) due.set(`${watch.purpose}:${watch.integrationId}`, watch);
    }
    for (const watch of due.values()) await this.changed(watch);
  }

  /**
   * Graph lifecycle notifications: subscriptionRemoved -> a new subscription, and a pull / read
   * for what happened meanwhile; reauthorizationRequired -> renewed now (PATCH); missed -> a
   * full pull (notifications were lost; the listing is diffed against what we wrote), or a read
   * (a busy-time read is always whole).
   */
  async microsoftLifecycle(notifications: GraphNotification[]): Promise<void> {
    for (const n of notifications) {
      const watch = await this.verify(n.subscriptionId, n.clientState ?? '');
      if (!watch) continue;
      const now = this.clock.now();
      if (n.lifecycleEvent === 'subscriptionRemoved') {
        await this.watches.recreateSoon(watch.id, now);
        await this.changed(watch);
      } else if (n.lifecycleEvent === 'reauthorizationRequired') {
        await this.watches.renewSoon(watch.id, now);
      } else if (n.lifecycleEvent === 'missed') {
        await this.changed(watch, { full: true });
      }
    }
  }

  /** The watched calendar changed: what the watch is for becomes due. */
  private async changed(watch: Watch, options: { full?: boolean } = {}): Promise<void> {
    if (watch.purpose === 'busy') await this.busy.refreshByPush(watch.integrationId, this.clock.now());
    else await this.pulls.pullSoon(watch.integrationId, this.clock.now(), options);
  }

  /** The watch the notification is for; undefined (and a log line, never the secret) when forged or stale. */
  private async verify(channelId: string, secret: string): Promise<Watch | undefined> {
    const watch = await this.watches.secretOf(channelId);
    if (watch && matchesWatchSecret(secret, watch.secretHash)) return { id: watch.id, integrationId: watch.integrationId, purpose: watch.purpose };
    this.logger.warn('push notification ignored: no active watch with that id and secret');
    return undefined;
  }
}
