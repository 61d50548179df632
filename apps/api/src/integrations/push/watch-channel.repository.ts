// The push channels of two-way sync (watch_channels), and the only code that writes them: one
// row per two-way integration, holding the provider watch on its target calendar (Google
// channel, Graph subscription), the SHA-256 of its secret, its expiry, and when the keeper
// (watch-keeper.ts) next acts on it. Claimed like pulls (UPDATE ... SKIP LOCKED with a lease),
// so several API processes never create, renew or stop one watch twice. Every change of
// intent bumps `revision`; a keeper run that claimed an older revision writes nothing.
import { Injectable } from '@nestjs/common';
import { PrismaService } from '../../database/prisma.service';
import type { WatchChannelState } from '../../generated/prisma/enums';
import type { WatchHandle } from '../providers/calendar-provider';
import type { ProviderErrorCode } from '../providers/provider-error';
import { wakeSyncWorkers, type Db } from '../sync/sync-job.repository';

export interface ClaimedWatch {
  integrationId: string;
  calendarId: string;
  state: WatchChannelState;
  /** The provider watch now in place, if any (to renew, or to stop once replaced). */
  current: WatchHandle | null;
  revision: number;
  attempts: number;
}

/** What a notification is checked against. */
export interface WatchSecret {
  integrationId: string;
  secretHash: string;
}

/** How long a claim holds: a crashed keeper's work is claimable again after it. */
export const WATCH_LEASE_MS = 2 * 60_000;

@Injectable()
export class WatchChannelRepository {
  constructor(private readonly prisma: PrismaService) {}

  /** Two-way with push on this calendar: a watch is (re)created now unless one is already there. */
  async follow(db: Db, integrationId: string, calendarId: string, now: Date): Promise<void> {
    const existing = await db.watchChannel.findUnique({ where: { integrationId }, select: { calendarId: true, state: true } });
    if (existing && existing.calendarId === calendarId && existing.state !== 'stopping') return;
    await db.watchChannel.upsert({
      where: { integrationId },
      create: { integrationId, calendarId, dueAt: now },
      // The old channel (another calendar, or being stopped) stays in channelId: the keeper stops it once the new one is in place.
      update: { calendarId, state: 'pending', dueAt: now, lockedUntil: null, lastError: null, attempts: 0, revision: { increment: 1 } },
      select: { integrationId: true },
    });
    await wakeSyncWorkers(db);
  }

  /** Two-way off (or push off): the watch is removed at the provider, then forgotten. */
  async retire(db: Db, integrationId: string, now: Date): Promise<void> {
    await db.watchChannel.deleteMany({ where: { integrationId, channelId: null } });
    const { count } = await db.watchChannel.updateMany({
      where: { integrationId, state: { not: 'stopping' } },
      data: { state: 'stopping', dueAt: now, lockedUntil: null, attempts: 0, revision: { increment: 1 } },
    });
    if (count > 0) await wakeSyncWorkers(db);
  }

  /** The integration is gone (disconnected): nothing is left to stop with its grant. */
  async forget(db: Db, integrationId: string): Promise<void> {
    await db.watchChannel.deleteMany({ where: { integrationId } });
  }

  /** Graph removed the subscription (lifecycle subscriptionRemoved): create a new one now. */
  async recreateSoon(integrationId: string, now: Date): Promise<void> {
    const { count } = await this.prisma.watchChannel.updateMany({
      where: { integrationId, state: { not: 'stopping' } },
      data: { state: 'pending', channelId: null, resourceId: null, secretHash: null, expiresAt: null, dueAt: now, lockedUntil: null, revision: { increment: 1 } },
    });
    if (count > 0) await wakeSyncWorkers(this.prisma);
  }

  /** Graph asks for reauthorization (lifecycle reauthorizationRequired): renew now. */
  async renewSoon(integrationId: string, now: Date): Promise<void> {
    const { count } = await this.prisma.watchChannel.updateMany({ where: { integrationId, state: 'active' }, data: { dueAt: now } });
    if (count > 0) await wakeSyncWorkers(this.prisma);
  }

  /** Push switched off for this process's configuration (PUBLIC_API_URL unset): every watch goes. */
  async retireAll(now: Date): Promise<void> {
    await this.prisma.watchChannel.deleteMany({ where: { channelId: null } });
    await this.prisma.watchChannel.updateMany({ where: { state: { not: 'stopping' } }, data: { state: 'stopping', dueAt: now, lockedUntil: null, revision: { increment: 1 } } });
  }

  /** Push switched on (PUBLIC_API_URL newly set): every pulled calendar without a watch gets one. */
  async adoptPulls(now: Date): Promise<void> {
    await this.prisma.$executeRaw`
      INSERT INTO watch_channels (integration_id, calendar_id, due_at)
      SELECT integration_id, calendar_id, ${now}::timestamptz FROM calendar_pulls
      ON CONFLICT (integration_id) DO NOTHING`;
  }

  async claim(now: Date, limit: number): Promise<ClaimedWatch[]> {
    const leaseUntil = new Date(now.getTime() + WATCH_LEASE_MS);
    const rows = await this.prisma.$queryRaw<
      { integration_id: string; calendar_id: string; state: WatchChannelState; channel_id: string | null; resource_id: string | null; expires_at: Date | null; revision: number; attempts: number }[]
    >`
      UPDATE watch_channels SET locked_until = ${leaseUntil}::timestamptz
      WHERE integration_id IN (
        SELECT integration_id FROM watch_channels
        WHERE due_at <= ${now}::timestamptz AND (locked_until IS NULL OR locked_until <= ${now}::timestamptz)
        ORDER BY due_at
        LIMIT ${limit}
        FOR UPDATE SKIP LOCKED
      )
      RETURNING integration_id::text, calendar_id, state, channel_id, resource_id, expires_at, revision, attempts`;
    return rows.map((r) => ({
      integrationId: r.integration_id,
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
      where: { integrationId: claimed.integrationId, revision: claimed.revision },
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
      where: { integrationId: claimed.integrationId, revision: claimed.revision },
      data: { lastError: code, dueAt: retryAt, lockedUntil: null, attempts: claimed.attempts + 1, ...(refused ? { state: 'refused' } : {}) },
    });
  }

  /** Not now (a reconnect pending): looked at again at `dueAt`. */
  async release(claimed: ClaimedWatch, dueAt: Date): Promise<void> {
    await this.prisma.watchChannel.updateMany({ where: { integrationId: claimed.integrationId, revision: claimed.revision }, data: { dueAt, lockedUntil: null } });
  }

  /** A stopped watch (two-way off): the row goes, unless the intent changed meanwhile. */
  async remove(claimed: ClaimedWatch): Promise<void> {
    await this.prisma.watchChannel.deleteMany({ where: { integrationId: claimed.integrationId, revision: claimed.revision } });
  }

  /** The watch a notification names, while it delivers (active). */
  async secretOf(channelId: string): Promise<WatchSecret | undefined> {
    const row = await this.prisma.watchChannel.findUnique({ where: { channelId }, select: { integrationId: true, secretHash: true, state: true } });
    return row?.state === 'active' && row.secretHash ? { integrationId: row.integrationId, secretHash: row.secretHash } : undefined;
  }

  /** The watch of one integration, for disconnecting (stopped with the grant before it is revoked). */
  async currentOf(integrationId: string): Promise<WatchHandle | undefined> {
    const row = await this.prisma.watchChannel.findUnique({ where: { integrationId }, select: { channelId: true, resourceId: true, expiresAt: true } });
    return row?.channelId ? { channelId: row.channelId, ...(row.resourceId ? { resourceId: row.resourceId } : {}), expiresAt: row.expiresAt ?? new Date(0) } : undefined;
  }

  /** When the keeper next has work (undefined: none), so the worker loop can sleep until then. */
  async nextDueAt(): Promise<Date | undefined> {
    const [row] = await this.prisma.$queryRaw<{ next: Date | null }[]>`
      SELECT min(GREATEST(due_at, COALESCE(locked_until, due_at))) AS next FROM watch_channels`;
    return row?.next ?? undefined;
  }
}
