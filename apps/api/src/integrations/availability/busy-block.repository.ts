// The only writer of busy_blocks (times a technician is busy in a shared calendar) and
// busy_refreshes (when each integration was last read, and the claim on its next read).
// Only start, end and provider are ever stored: never a title or anything else of an event.
import { Injectable } from '@nestjs/common';
import type { CalendarProviderId, IntegrationErrorCode } from '@fs/contracts';
import { PrismaService } from '../../database/prisma.service';
import type { TimeBlock } from '../providers/calendar-provider';

/** Blocks and refresh times are shown only while the person shares and the grant works. */
const SHARED = { status: 'CONNECTED', shareAvailability: true } as const;

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

  /** The integration's blocks become `blocks` (all of them, for the window read). */
  async replace(owner: BusyOwner, window: { from: Date; to: Date }, blocks: TimeBlock[], now: Date, next: Date): Promise<void> {
    const { integrationId, userId, provider } = owner;
    await this.prisma.$transaction(async (tx) => {
      await tx.busyBlock.deleteMany({ where: { integrationId } });
      await tx.busyBlock.createMany({ data: blocks.map((b) => ({ integrationId, userId, provider, startsAt: b.start, endsAt: b.end })) });
      const state = { refreshedAt: now, windowStart: window.from, windowEnd: window.to, nextRefreshAt: next, lastError: null };
      await tx.busyRefresh.upsert({ where: { integrationId }, create: { integrationId, ...state }, update: state, select: { integrationId: true } });
    });
  }

  /** The last blocks stay (the refresh time tells how old they are); the failure is shown on the card. */
  async recordFailure(integrationId: string, code: IntegrationErrorCode, next: Date): Promise<void> {
    await this.prisma.busyRefresh.upsert({
      where: { integrationId },
      create: { integrationId, nextRefreshAt: next, lastError: code },
      update: { nextRefreshAt: next, lastError: code },
      select: { integrationId: true },
    });
  }

  /** Sharing switched off or the account disconnected: nothing of its busy times is kept. */
  async forget(userId: string, provider: CalendarProviderId): Promise<void> {
    await this.prisma.busyBlock.deleteMany({ where: { userId, provider } });
    await this.prisma.busyRefresh.deleteMany({ where: { integration: { userId, provider } } });
  }

  /** A choice changed (calendars, sharing, a reconnect): read again at the next tick. */
  async refreshSoon(userId: string, provider: CalendarProviderId, now: Date): Promise<void> {
    await this.prisma.busyRefresh.updateMany({ where: { integration: { userId, provider } }, data: { nextRefreshAt: now } });
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
