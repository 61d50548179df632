// The only writer of busy_blocks (times a technician is busy in a shared calendar) and
// busy_refreshes (when each integration was last read, and the claim on its next read).
// Only start, end and provider are ever stored: never a title or anything else of an event.
// A push notification on a busy watch makes the read due here and wakes the BusyRefresher of
// every process (NOTIFY on its own channel: a sync job's wake-up does not sweep availability).
import { Injectable } from '@nestjs/common';
import type { CalendarProviderId, IntegrationErrorCode } from '@fs/contracts';
import { PrismaService } from '../../database/prisma.service';
import type { TimeBlock } from '../providers/calendar-provider';

/** Blocks and refresh times are shown only while the person shares and the grant works. */
const SHARED = { status: 'CONNECTED', shareAvailability: true } as const;

/** NOTIFY channel: "a busy refresh became due" (a push notification). */
const BUSY_CHANNEL = 'busy_refreshes';

/**
 * Notifications come in bursts (a bulk sync writes into the target calendar, one per event):
 * an integration is read at most once per this gap on their account, so a burst costs a few
 * free/busy reads, not one per event, and a change still shows within seconds.
 */
export const PUSH_REFRESH_GAP_MS = 5_000;

export interface BusyOwner {
  integrationId: string;
  userId: string;
  provider: CalendarProviderId;
}

@Injectable()
export class BusyBlockRepository {
  constructor(private readonly prisma: PrismaService) {}

  /**
   * Claims the integration's next read when it is due (or was never read): moves its due
   * time to `leaseUntil` in one statement, so of several API processes one wins.
   */
  async claim(integrationId: string, now: Date, leaseUntil: Date): Promise<boolean> {
    const claimed = await this.prisma.$queryRaw<unknown[]>`
      INSERT INTO busy_refreshes (integration_id, next_refresh_at) VALUES (${integrationId}::uuid, ${leaseUntil})
      ON CONFLICT (integration_id) DO UPDATE SET next_refresh_at = EXCLUDED.next_refresh_at
      WHERE busy_refreshes.next_refresh_at <= ${now}
      RETURNING integration_id`;
    return claimed.length === 1;
  }

  /**
   * Integrations sharing availability whose read is due (or that were never read): one query,
   * so a wake-up costs little however many people share.
   */
  async dueIntegrationIds(now: Date): Promise<string[]> {
    const rows = await this.prisma.calendarIntegration.findMany({
      where: { ...SHARED, OR: [{ busyRefresh: null }, { busyRefresh: { nextRefreshAt: { lte: now } } }] },
      select: { id: true },
    });
    return rows.map((row) => row.id);
  }

  /** The earliest next read of a sharing integration (undefined: none known), for the refresher's timer. */
  async nextDueAt(): Promise<Date | undefined> {
    const { _min } = await this.prisma.busyRefresh.aggregate({ where: { integration: SHARED }, _min: { nextRefreshAt: true } });
    return _min.nextRefreshAt ?? undefined;
  }

  /**
   * The integration's blocks become `blocks` (all of them, for the window read). `claimedUntil`:
   * the due time the claim set; one moved earlier meanwhile (a push notification during the
   * read, about a change the read may have missed) stands instead of `next`.
   */
  async replace(owner: BusyOwner, window: { from: Date; to: Date }, blocks: TimeBlock[], now: Date, next: Date, claimedUntil: Date): Promise<void> {
    const { integrationId, userId, provider } = owner;
    await this.prisma.$transaction(async (tx) => {
      await tx.busyBlock.deleteMany({ where: { integrationId } });
      await tx.busyBlock.createMany({ data: blocks.map((b) => ({ integrationId, userId, provider, startsAt: b.start, endsAt: b.end })) });
      const state = { refreshedAt: now, windowStart: window.from, windowEnd: window.to, lastError: null };
      await tx.busyRefresh.upsert({ where: { integrationId }, create: { integrationId, ...state, nextRefreshAt: next }, update: state, select: { integrationId: true } });
      await tx.busyRefresh.updateMany({ where: { integrationId, nextRefreshAt: { gte: claimedUntil } }, data: { nextRefreshAt: next } });
    });
  }

  /** The last blocks stay (the refresh time tells how old they are); the failure is shown on the card. */
  async recordFailure(integrationId: string, code: IntegrationErrorCode, next: Date, claimedUntil: Date): Promise<void> {
    await this.prisma.$transaction(async (tx) => {
      await tx.busyRefresh.upsert({ where: { integrationId }, create: { integrationId, nextRefreshAt: next, lastError: code }, update: { lastError: code }, select: { integrationId: true } });
      await tx.busyRefresh.updateMany({ where: { integrationId, nextRefreshAt: { gte: claimedUntil } }, data: { nextRefreshAt: next } });
    });
  }

  /**
   * A push notification: the calendar changed. The read is due now (or PUSH_REFRESH_GAP_MS
   * after the last one, whichever is later; never later than it already was), and every
   * process's refresher is woken. No provider call: the notification endpoint only enqueues.
   */
  async refreshByPush(integrationId: string, now: Date): Promise<void> {
    const count = await this.prisma.$executeRaw`
      UPDATE busy_refreshes
      SET next_refresh_at = LEAST(next_refresh_at, GREATEST(${now}::timestamptz, COALESCE(refreshed_at + ${PUSH_REFRESH_GAP_MS}::int * interval '1 millisecond', ${now}::timestamptz)))
      WHERE integration_id = ${integrationId}::uuid`;
    if (count > 0) await this.wakeRefreshers();
  }

  /** Calls `onDue` whenever any process made a busy refresh due by push. Resolves to an unlisten. */
  listen(onDue: () => void): Promise<() => Promise<void>> {
    return this.prisma.listen(BUSY_CHANNEL, onDue);
  }

  /** Sharing switched off or the account disconnected: nothing of its busy times is kept. */
  async forget(userId: string, provider: CalendarProviderId): Promise<void> {
    await this.prisma.busyBlock.deleteMany({ where: { userId, provider } });
    await this.prisma.busyRefresh.deleteMany({ where: { integration: { userId, provider } } });
  }

  /**
   * A choice changed (calendars, sharing, a connect): read again now, refreshers woken (an
   * integration never read has no row yet and is due anyway). The read also sets up its watches.
   */
  async refreshSoon(userId: string, provider: CalendarProviderId, now: Date): Promise<void> {
    await this.prisma.busyRefresh.updateMany({ where: { integration: { userId, provider } }, data: { nextRefreshAt: now } });
    await this.wakeRefreshers();
  }

  private async wakeRefreshers(): Promise<void> {
    await this.prisma.$executeRaw`SELECT pg_notify(${BUSY_CHANNEL}, '')`;
  }

  /** Busy blocks of a technician overlapping [from, to), from integrations they share. */
  blocksOf(userId: string, from: Date, to: Date) {
    return this.prisma.busyBlock.findMany({
      where: { userId, startsAt: { lt: to }, endsAt: { gt: from }, integration: SHARED },
      select: { startsAt: true, endsAt: true, provider: true },
      orderBy: [{ startsAt: 'asc' }, { endsAt: 'asc' }],
    });
  }

  /** Everyone's busy blocks overlapping [from, to), for dispatch choosing who is free. */
  blocksOfEveryone(from: Date, to: Date) {
    return this.prisma.busyBlock.findMany({
      where: { startsAt: { lt: to }, endsAt: { gt: from }, integration: SHARED },
      select: { userId: true, startsAt: true, endsAt: true, provider: true },
      orderBy: [{ startsAt: 'asc' }, { endsAt: 'asc' }],
    });
  }

  /** Read state per shared integration of a person (the oldest read is what dispatch relies on). */
  refreshesOf(userId: string) {
    return this.prisma.busyRefresh.findMany({
      where: { integration: { userId } },
      select: { refreshedAt: true, lastError: true, integration: { select: { provider: true, status: true, shareAvailability: true } } },
    });
  }
}
