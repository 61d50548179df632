// The push channels (watch_channels), and the only code that writes them: one row per
// (integration, purpose, calendar), holding the provider watch (Google channel, Graph
// subscription), the SHA-256 of its secret, its expiry, and when the keeper (watch-keeper.ts)
// next acts on it. Purposes: `pull`, the target calendar of a two-way integration (at most one
// row per integration); `busy`, each calendar whose busy times availability reads (followed by
// the BusyRefresher after each read). A calendar watched for both purposes has two channels:
// their lives are independent (two-way off must not end dispatch's freshness, sharing off must
// not end the pull's), and a notification then names exactly one thing to make due; the cost is
// one more notification per change of that calendar. Claimed like pulls (UPDATE ... SKIP LOCKED
// with a lease), so several API processes never create, renew or stop one watch twice. Every
// change of intent bumps `revision`; a keeper run that claimed an older revision writes nothing.
import { Injectable } from '@nestjs/common';
import type { CalendarProviderId } from '@fs/contracts';
import { PrismaService } from '../../database/prisma.service';
import type { WatchChannelState, WatchPurpose } from '../../generated/prisma/enums';
import type { WatchHandle } from '../providers/calendar-provider';
import type { ProviderErrorCode } from '../providers/provider-error';
import { wakeSyncWorkers, type Db } from '../sync/sync-job.repository';

export type { WatchPurpose };

export interface ClaimedWatch {
  id: string;
  integrationId: string;
  purpose: WatchPurpose;
  calendarId: string;
  state: WatchChannelState;
  /** The provider watch now in place, if any (to renew, or to stop once replaced). */
  current: WatchHandle | null;
  revision: number;
  attempts: number;
}

/** What a notification is checked against, and what it makes due. */
export interface WatchSecret {
  id: string;
  integrationId: string;
  purpose: WatchPurpose;
  secretHash: string;
}

/** How long a claim holds: a crashed keeper's work is claimable again after it. */
export const WATCH_LEASE_MS = 2 * 60_000;

const STOP = { state: 'stopping', lockedUntil: null, attempts: 0, revision: { increment: 1 } } as const;

@Injectable()
export class WatchChannelRepository {
  constructor(private readonly prisma: PrismaService) {}

  /** Two-way with push on this calendar: a pull watch is (re)created now unless one is already there. */
  async follow(db: Db, integrationId: string, calendarId: string, now: Date): Promise<void> {
    const existing = await db.watchChannel.findFirst({ where: { integrationId, purpose: 'pull' }, select: { id: true, calendarId: true, state: true } });
    if (existing && existing.calendarId === calendarId && existing.state !== 'stopping') return;
    if (existing) {
      // The old channel (another calendar, or being stopped) stays in channelId: the keeper stops it once the new one is in place.
      await db.watchChannel.update({
        where: { id: existing.id },
        data: { calendarId, state: 'pending', dueAt: now, lockedUntil: null, lastError: null, attempts: 0, revision: { increment: 1 } },
        select: { id: true },
      });
    } else {
      await db.watchChannel.create({ data: { integrationId, purpose: 'pull', calendarId, dueAt: now }, select: { id: true } });
    }
    await wakeSyncWorkers(db);
  }

  /** Two-way off (or push off): the pull watch is removed at the provider, then forgotten. */
  async retire(db: Db, integrationId: string, now: Date): Promise<void> {
    await this.retireWhere(db, { integrationId, purpose: 'pull' }, now);
  }

  /**
   * Availability read these calendars (the ones that count): each gets a busy watch unless it
   * has one, and busy watches of calendars that no longer count are removed. No-op when nothing changes.
   */
  async followBusy(integrationId: string, calendarIds: string[], now: Date): Promise<void> {
    await this.prisma.$transaction(async (tx) => {
      // Under the integration's row lock, and only while it shares: a read that was in flight
      // when sharing was turned off must not bring its watches back (retireBusyOf runs after
      // that settings write, so it sees what this wrote).
      const [sharing] = await tx.$queryRaw<{ share: boolean }[]>`
        SELECT share_availability AS share FROM calendar_integrations WHERE id = ${integrationId}::uuid AND status = 'CONNECTED' FOR UPDATE`;
      if (!sharing?.share) return;
      const rows = await tx.watchChannel.findMany({ where: { integrationId, purpose: 'busy' }, select: { id: true, calendarId: true, state: true } });
      let changed = false;
      for (const calendarId of new Set(calendarIds)) {
        const row = rows.find((r) => r.calendarId === calendarId);
        if (row && row.state !== 'stopping') continue;
        changed = true;
        if (row) {
          // Stopping, and wanted again: a new watch; the old one (still in channelId) is stopped once it is in place.
          await tx.watchChannel.updateMany({
            where: { id: row.id },
            data: { state: 'pending', dueAt: now, lockedUntil: null, lastError: null, attempts: 0, revision: { increment: 1 } },
          });
        } else {
          await tx.watchChannel.createMany({ data: [{ integrationId, purpose: 'busy', calendarId, dueAt: now }], skipDuplicates: true });
        }
      }
      const gone = rows.filter((r) => r.state !== 'stopping' && !calendarIds.includes(r.calendarId)).map((r) => r.id);
      if (gone.length > 0) changed = (await this.retireWhere(tx, { id: { in: gone } }, now)) || changed;
      if (changed) await wakeSyncWorkers(tx);
    });
  }

  /** Sharing off (or the disconnect starting): every busy watch of the person's integration goes. */
  async retireBusyOf(userId: string, provider: CalendarProviderId, now: Date): Promise<void> {
    const integration = await this.prisma.calendarIntegration.findUnique({ where: { userId_provider: { userId, provider } }, select: { id: true } });
    if (integration) await this.retireWhere(this.prisma, { integrationId: integration.id, purpose: 'busy' }, now);
  }

  /** Rows never created at the provider are dropped; the others are stopped there by the keeper. True when any changed. */
  private async retireWhere(db: Db, where: { integrationId?: string; purpose?: WatchPurpose; id?: { in: string[] } }, now: Date): Promise<boolean> {
    const dropped = await db.watchChannel.deleteMany({ where: { ...where, channelId: null } });
    const { count } = await db.watchChannel.updateMany({ where: { ...where, state: { not: 'stopping' } }, data: { ...STOP, dueAt: now } });
    if (count > 0) await wakeSyncWorkers(db);
    return count + dropped.count > 0;
  }

  /** The integration is gone (disconnected): nothing is left to stop with its grant. */
  async forget(db: Db, integrationId: string): Promise<void> {
    await db.watchChannel.deleteMany({ where: { integrationId } });
  }

  /** Graph removed the subscription (lifecycle subscriptionRemoved): create a new one now. */
  async recreateSoon(watchId: string, now: Date): Promise<void> {
    const { count } = await this.prisma.watchChannel.updateMany({
      where: { id: watchId, state: { not: 'stopping' } },
      data: { state: 'pending', channelId: null, resourceId: null, secretHash: null, expiresAt: null, dueAt: now, lockedUntil: null, revision: { increment: 1 } },
    });
    if (count > 0) await wakeSyncWorkers(this.prisma);
  }

  /** Graph asks for reauthorization (lifecycle reauthorizationRequired): renew now. */
  async renewSoon(watchId: string, now: Date): Promise<void> {
    const { count } = await this.prisma.watchChannel.updateMany({ where: { id: watchId, state: 'active' }, data: { dueAt: now } });
    if (count > 0) await wakeSyncWorkers(this.prisma);
  }

  /** Push switched off for this process's configuration (PUBLIC_API_URL unset): every watch goes. */
  async retireAll(now: Date): Promise<void> {
    await this.prisma.watchChannel.deleteMany({ where: { channelId: null } });
    await this.prisma.watchChannel.updateMany({ where: { state: { not: 'stopping' } }, data: { state: 'stopping', dueAt: now, lockedUntil: null, revision: { increment: 1 } } });
  }

  /**
   * Push switched on (PUBLIC_API_URL newly set): every pulled calendar without a watch gets one.
   * (Busy watches follow each integration's next availability read.)
   */
  async adoptPulls(now: Date): Promise<void> {
    await this.prisma.$executeRaw`
      INSERT INTO watch_channels (integration_id, purpose, calendar_id, due_at)
      SELECT p.integration_id, 'pull', p.calendar_id, ${now}::timestamptz FROM calendar_pulls p
      WHERE NOT EXISTS (SELECT 1 FROM watch_channels w WHERE w.integration_id = p.integration_id AND w.purpose = 'pull')
      ON CONFLICT DO NOTHING`;
  }

  async claim(now: Date, limit: number): Promise<ClaimedWatch[]> {
    const leaseUntil = new Date(now.getTime() + WATCH_LEASE_MS);
    const rows = await this.prisma.$queryRaw<
      {
        id: string;
        integration_id: string;
        purpose: WatchPurpose;
        calendar_id: string;
        state: WatchChannelState;
        channel_id: string | null;
        resource_id: string | null;
        expires_at: Date | null;
        revision: number;
        attempts: number;
      }[]
    >`
      UPDATE watch_channels SET locked_until = ${leaseUntil}::timestamptz
      WHERE id IN (
        SELECT id FROM watch_channels
        WHERE due_at <= ${now}::timestamptz AND (locked_until IS NULL OR locked_until <= ${now}::timestamptz)
        ORDER BY due_at
        LIMIT ${limit}
        FOR UPDATE SKIP LOCKED
      )
      RETURNING id::text, integration_id::text, purpose, calendar_id, state, channel_id, resource_id, expires_at, revision, attempts`;
    return rows.map((r) => ({
      id: r.id,
      integrationId: r.integration_id,
      purpose: r.purpose,
      calendarId: r.calendar_id,
      state: r.state,
      current: r.channel_id ? { channelId: r.channel_id, ...(r.resource_id ? { resourceId: r.resource_id } : {}), expiresAt: r.expires_at ?? new Date(0) } : null,
      revision: Number(r.revision),
      attempts: Number(r.attempts),
    }));
  }

  /** The provider accepted a (new or renewed) watch. False: the intent changed meanwhile, nothing written. */
  async activate(claimed: ClaimedWatch, handle: WatchHandle, secretHash: string | null, renewAt: Date): Promise<boolean> {
    const { count } = await this.prisma.watchChannel.updateMany({
      where: { id: claimed.id, revision: claimed.revision },
      data: {
        state: 'active',
        channelId: handle.channelId,
        resourceId: handle.resourceId ?? null,
        ...(secretHash ? { secretHash } : {}),
        expiresAt: handle.expiresAt,
        dueAt: renewAt,
        lockedUntil: null,
        lastError: null,
        attempts: 0,
      },
    });
    return count > 0;
  }

  /** The call failed: looked at again at `retryAt`; `refused` when the provider said no (not a passing failure). */
  async fail(claimed: ClaimedWatch, code: ProviderErrorCode, retryAt: Date, refused: boolean): Promise<void> {
    await this.prisma.watchChannel.updateMany({
      where: { id: claimed.id, revision: claimed.revision },
      data: { lastError: code, dueAt: retryAt, lockedUntil: null, attempts: claimed.attempts + 1, ...(refused ? { state: 'refused' } : {}) },
    });
  }

  /** Not now (a reconnect pending): looked at again at `dueAt`. */
  async release(claimed: ClaimedWatch, dueAt: Date): Promise<void> {
    await this.prisma.watchChannel.updateMany({ where: { id: claimed.id, revision: claimed.revision }, data: { dueAt, lockedUntil: null } });
  }

  /** A stopped watch (no longer wanted): the row goes, unless the intent changed meanwhile. */
  async remove(claimed: ClaimedWatch): Promise<void> {
    await this.prisma.watchChannel.deleteMany({ where: { id: claimed.id, revision: claimed.revision } });
  }

  /** The watch a notification names, while it delivers (active). */
  async secretOf(channelId: string): Promise<WatchSecret | undefined> {
    const row = await this.prisma.watchChannel.findUnique({ where: { channelId }, select: { id: true, integrationId: true, purpose: true, secretHash: true, state: true } });
    return row?.state === 'active' && row.secretHash ? { id: row.id, integrationId: row.integrationId, purpose: row.purpose, secretHash: row.secretHash } : undefined;
  }

  /** Every watch of one integration, for disconnecting (stopped with the grant before it is revoked). */
  async currentOf(integrationId: string): Promise<WatchHandle[]> {
    const rows = await this.prisma.watchChannel.findMany({ where: { integrationId, channelId: { not: null } }, select: { channelId: true, resourceId: true, expiresAt: true } });
    return rows.map((row) => ({ channelId: row.channelId!, ...(row.resourceId ? { resourceId: row.resourceId } : {}), expiresAt: row.expiresAt ?? new Date(0) }));
  }

  /** When the keeper next has work (undefined: none), so the worker loop can sleep until then. */
  async nextDueAt(): Promise<Date | undefined> {
    const [row] = await this.prisma.$queryRaw<{ next: Date | null }[]>`
      SELECT min(GREATEST(due_at, COALESCE(locked_until, due_at))) AS next FROM watch_channels`;
    return row?.next ?? undefined;
  }
}
