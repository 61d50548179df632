// Keeps busy_blocks fresh by reading free/busy: every AVAILABILITY_REFRESH_MINUTES each
// integration that shares availability is read again (its calendars that count, over
// refreshWindow), our own intervention events are taken out, and the blocks replaced.
// With PUBLIC_API_URL set, the calendars each read covered are also watched (busy watches,
// push/watch-channel.repository.ts): a change notification makes the read due at once and
// wakes this refresher (NOTIFY, like the sync worker), so a change shows within seconds and
// the poll is only the fallback (see README, Availability). Provider calls go through
// IntegrationAccess, the one token owner; failures are recorded as codes only.
import { Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import type { IntegrationErrorCode } from '@fs/contracts';
import { Clock } from '../../common/clock';
import { AppConfig } from '../../config/app-config';
import { IntegrationAccess } from '../integration-access.service';
import type { CalendarBusy, CalendarProvider } from '../providers/calendar-provider';
import { ProviderError } from '../providers/provider-error';
import { ProviderRegistry } from '../providers/provider-registry';
import { pushUrls } from '../push/push-urls';
import { WatchChannelRepository } from '../push/watch-channel.repository';
import { ProviderPace } from '../sync/provider-pace';
import { TokensUnreadable } from '../unreadable-tokens';
import { AvailabilitySource } from './availability-source';
import { BusyBlockRepository } from './busy-block.repository';
import { calendarsThatCount, refreshWindow, subtract } from './busy-time';

/** How often due integrations are looked for; each is read once per refresh interval. */
const TICK_MS = 30_000;

type SharedIntegration = NonNullable<Awaited<ReturnType<AvailabilitySource['integration']>>>;

@Injectable()
export class BusyRefresher implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(BusyRefresher.name);
  private timer?: NodeJS.Timeout;
  private due?: NodeJS.Timeout;
  private unlisten?: () => Promise<void>;
  private running?: Promise<number>;
  private again = false;
  private stopped = false;

  constructor(
    private readonly source: AvailabilitySource,
    private readonly blocks: BusyBlockRepository,
    private readonly access: IntegrationAccess,
    private readonly registry: ProviderRegistry,
    private readonly pace: ProviderPace,
    private readonly watches: WatchChannelRepository,
    private readonly config: AppConfig,
    private readonly clock: Clock,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    // Background calendar work runs together: tests drive both by hand (runOnce).
    if (!this.config.env.SYNC_WORKER_ENABLED) return;
    // A push notification (in any process) made a read due: run now, not at the next tick.
    this.unlisten = await this.blocks.listen(() => this.wake());
    this.timer = setInterval(() => this.wake(), Math.min(TICK_MS, this.intervalMs));
    this.timer.unref();
  }

  async onModuleDestroy(): Promise<void> {
    this.stopped = true;
    clearInterval(this.timer);
    clearTimeout(this.due);
    await this.unlisten?.();
    await this.running?.catch(() => undefined);
  }

  /**
   * Coalesces wake-ups: a wake during a sweep runs one more after it (the notification may be
   * about an integration the sweep already passed); then sleeps until the next due read when
   * that comes before the tick (a notification within PUSH_REFRESH_GAP_MS of the last read).
   */
  private wake(): void {
    if (this.stopped) return;
    if (this.running) {
      this.again = true;
      return;
    }
    void this.runOnce()
      .then(() => this.sleepUntilNextDue())
      .catch((error: unknown) => this.logger.error(`availability refresh failed: ${(error as Error).message}`))
      .finally(() => {
        if (!this.again) return;
        this.again = false;
        this.wake();
      });
  }

  private async sleepUntilNextDue(): Promise<void> {
    clearTimeout(this.due);
    const next = await this.blocks.nextDueAt();
    if (!next || this.stopped) return;
    const delay = Math.max(0, next.getTime() - this.clock.now().getTime());
    if (delay < TICK_MS) this.due = setTimeout(() => this.wake(), delay).unref();
  }

  /** Reads every due integration once; resolves with how many it read. Never overlaps itself. */
  runOnce(): Promise<number> {
    this.running ??= this.sweep().finally(() => (this.running = undefined));
    return this.running;
  }

  private get intervalMs(): number {
    return this.config.env.AVAILABILITY_REFRESH_MINUTES * 60_000;
  }

  private async sweep(): Promise<number> {
    let read = 0;
    for (const integrationId of await this.blocks.dueIntegrationIds(this.clock.now())) {
      const now = this.clock.now();
      const claimedUntil = new Date(now.getTime() + this.intervalMs);
      if (!(await this.blocks.claim(integrationId, now, claimedUntil))) continue;
      await this.refresh(integrationId, claimedUntil);
      read++;
    }
    return read;
  }

  private async refresh(integrationId: string, claimedUntil: Date): Promise<void> {
    const integration = await this.source.integration(integrationId);
    if (!integration || integration.status !== 'CONNECTED' || !integration.shareAvailability || !integration.accountEmail) return;
    const provider = this.registry.get(integration.provider);
    const now = this.clock.now();
    const next = new Date(now.getTime() + this.intervalMs);
    if (!provider) return this.blocks.recordFailure(integrationId, 'NOT_CONFIGURED', next, claimedUntil);
    const window = refreshWindow(now);
    try {
      const calendars = await this.read(integrationId, integration, provider, window);
      const own = await this.source.ownEventSlots(integrationId);
      const blocks = calendars.flatMap((calendar) => subtract(calendar.blocks, own.get(calendar.calendarId) ?? []));
      await this.blocks.replace({ integrationId, userId: integration.userId, provider: integration.provider }, window, blocks, now, next, claimedUntil);
      // Push: the calendars just read are the ones to watch (those that count and that the
      // provider's free/busy answers for); a calendar that stopped counting loses its watch.
      if (pushUrls(this.config.env) && provider.watchRenewal) await this.watches.followBusy(integrationId, calendars.map((c) => c.calendarId), now);
    } catch (error) {
      const code = failureCode(error);
      // Codes only: a provider message could quote the calendar.
      this.logger.warn(`availability of integration ${integrationId} not refreshed: ${code}`);
      const retryAt = error instanceof ProviderError && error.retryAfterMs ? new Date(Math.max(next.getTime(), now.getTime() + error.retryAfterMs)) : next;
      await this.blocks.recordFailure(integrationId, code, retryAt, claimedUntil);
    }
  }

  private read(integrationId: string, integration: SharedIntegration, provider: CalendarProvider, window: { from: Date; to: Date }): Promise<CalendarBusy[]> {
    // These calls count against the account's quota like sync writes: they take its pace
    // slots (waiting as long as needed, this is background work), or a first sync running
    // at the quota gets a throttled answer for each of them.
    const paced = () => this.pace.take(provider.id, integrationId, Number.POSITIVE_INFINITY);
    return this.access.run(integration.userId, provider, async (context) => {
      await paced();
      const calendars = await provider.listCalendars(context);
      await paced();
      const counted = calendarsThatCount(calendars, {
        chosenIds: integration.availabilityCalendarIds,
        targetCalendarId: integration.calendarId,
      });
      return provider.busyBlocks(context, { accountEmail: integration.accountEmail!, calendars: counted, ...window });
    });
  }
}

function failureCode(error: unknown): IntegrationErrorCode {
  if (error instanceof ProviderError) return error.code;
  if (error instanceof TokensUnreadable) return 'TOKEN_UNREADABLE';
  return 'TRANSIENT';
}
