// The pull jobs of two-way sync (calendar_pulls), and the only code that writes them: one row
// per two-way integration, holding the cursor of its target calendar (Google syncToken, Graph
// deltaLink), when the next pull is due, and the claim. Claimed like sync jobs (UPDATE ...
// SKIP LOCKED with a lease), so several API processes never pull one calendar at once; the
// cursor is saved in the caller's transaction, the one that records what it covered.
import { Injectable } from '@nestjs/common';
import { PrismaService } from '../../database/prisma.service';
import type { ProviderErrorCode } from '../providers/provider-error';
import { wakeSyncWorkers, type Db } from '../sync/sync-job.repository';

export interface ClaimedPull {
  integrationId: string;
  calendarId: string;
  cursor: string | null;
  attempts: number;
}

/** How long a claim holds: a crashed worker's pull is claimable again after it. */
export const PULL_LEASE_MS = 2 * 60_000;

@Injectable()
export class CalendarPullRepository {
  constructor(private readonly prisma: PrismaService) {}

  /** Two-way is on for this calendar: pull now. Another calendar than the cursor's starts over. */
  async start(db: Db, integrationId: string, calendarId: string, now: Date): Promise<void> {
    const existing = await db.calendarPull.findUnique({ where: { integrationId }, select: { calendarId: true } });
    const sameCalendar = existing?.calendarId === calendarId;
    await db.calendarPull.upsert({
      where: { integrationId },
      create: { integrationId, calendarId, nextPullAt: now },
      update: { calendarId, nextPullAt: now, attempts: 0, lastError: null, ...(sameCalendar ? {} : { cursor: null }) },
      select: { integrationId: true },
    });
  }

  /** Two-way is off (or the integration disconnected): nothing more is pulled, the cursor goes. */
  async stop(db: Db, integrationId: string): Promise<void> {
    await db.calendarPull.deleteMany({ where: { integrationId } });
  }

  /**
   * A pull as soon as possible (e.g. after a dispatch decision, or a push notification), and the
   * worker loops woken. `full`: from no cursor, a full listing diffed against what we wrote
   * (Graph's `missed` lifecycle notification). Resolves false when the integration is not pulled.
   */
  async pullSoon(integrationId: string, now: Date, options: { full?: boolean } = {}): Promise<boolean> {
    const { count } = await this.prisma.calendarPull.updateMany({
      where: { integrationId },
      data: { nextPullAt: now, ...(options.full ? { cursor: null } : {}) },
    });
    if (count > 0) await wakeSyncWorkers(this.prisma);
    return count > 0;
  }

  async claim(now: Date, limit: number): Promise<ClaimedPull[]> {
    const leaseUntil = new Date(now.getTime() + PULL_LEASE_MS);
    const rows = await this.prisma.$queryRaw<{ integration_id: string; calendar_id: string; cursor: string | null; attempts: number }[]>`
      UPDATE calendar_pulls SET locked_until = ${leaseUntil}::timestamptz
      WHERE integration_id IN (
        SELECT integration_id FROM calendar_pulls
        WHERE next_pull_at <= ${now}::timestamptz AND (locked_until IS NULL OR locked_until <= ${now}::timestamptz)
        ORDER BY next_pull_at
        LIMIT ${limit}
        FOR UPDATE SKIP LOCKED
      )
      RETURNING integration_id::text, calendar_id, cursor, attempts`;
    return rows.map((r) => ({ integrationId: r.integration_id, calendarId: r.calendar_id, cursor: r.cursor, attempts: Number(r.attempts) }));
  }

  /**
   * The pull's changes are recorded (same transaction): the cursor moves past them and the
   * claim ends. Only for the calendar the pull read: a calendar chosen meanwhile keeps its fresh start.
   */
  async complete(db: Db, pull: ClaimedPull, cursor: string, now: Date, nextPullAt: Date): Promise<void> {
    const where = { integrationId: pull.integrationId, calendarId: pull.calendarId };
    // A full pull asked for during this one (Graph `missed`: cursor set to null) stands: the cursor stays null.
    const fullAsked = pull.cursor !== null && (await db.calendarPull.count({ where: { ...where, cursor: null } })) > 0;
    const data = { ...(fullAsked ? {} : { cursor }), pulledAt: now, lockedUntil: null, lastError: null, attempts: 0 };
    // A push notification during the pull (pullSoon after `now`, the pull's start) may announce
    // an edit this pull did not see: that request stands; otherwise the next pull is one interval away.
    await db.calendarPull.updateMany({ where: { ...where, nextPullAt: { gt: now } }, data });
    await db.calendarPull.updateMany({ where: { ...where, nextPullAt: { lte: now } }, data: { ...data, nextPullAt } });
  }

  /** The pull failed: tried again at `retryAt`, the cursor unchanged (nothing it covers is lost). */
  async fail(pull: ClaimedPull, code: ProviderErrorCode, retryAt: Date): Promise<void> {
    await this.prisma.calendarPull.updateMany({
      where: { integrationId: pull.integrationId },
      data: { lastError: code, nextPullAt: retryAt, lockedUntil: null, attempts: pull.attempts + 1 },
    });
  }

  /** Not now (not connected, no calendar): looked at again at `nextPullAt`. */
  async release(pull: ClaimedPull, nextPullAt: Date): Promise<void> {
    await this.prisma.calendarPull.updateMany({ where: { integrationId: pull.integrationId }, data: { nextPullAt, lockedUntil: null } });
  }

  /** When the next pull falls due (undefined: none), so the worker loop can sleep until then. */
  async nextDueAt(): Promise<Date | undefined> {
    const [row] = await this.prisma.$queryRaw<{ next: Date | null }[]>`
      SELECT min(GREATEST(next_pull_at, COALESCE(locked_until, next_pull_at))) AS next FROM calendar_pulls`;
    return row?.next ?? undefined;
  }

  transaction<T>(work: (db: Db) => Promise<T>): Promise<T> {
    return this.prisma.$transaction(work);
  }
}
