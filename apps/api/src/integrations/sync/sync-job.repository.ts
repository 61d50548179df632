// The sync outbox (sync_jobs), and the only code that writes it. Enqueue takes the caller's
// transaction, so a job commits or rolls back with the intervention change that caused it;
// claiming is safe with several API processes on one PostgreSQL and on the embedded PGlite.
import { Injectable } from '@nestjs/common';
import { PrismaService } from '../../database/prisma.service';
import type { Prisma } from '../../generated/prisma/client';
import type { ProviderErrorCode } from '../providers/provider-error';
import { SYNCABLE_INTEGRATION_STATUSES } from './syncable';

export type Db = Prisma.TransactionClient;

export interface ClaimedJob {
  id: string;
  integrationId: string;
  interventionId: string;
  revision: number;
  attempts: number;
  /** Our last update was refused by If-Match (two-way): a pull has not yet recorded the person's edit. */
  editedElsewhere: boolean;
}

/** How long a claim holds; past it, a crashed worker's job is claimable again. */
export const CLAIM_LEASE_MS = 2 * 60_000;

/** NOTIFY channel: "a job became due". Sent inside the enqueuing transaction, so only a commit wakes anyone. */
const JOBS_CHANNEL = 'sync_jobs';

/**
 * Wakes the sync worker loop of every process (pulls and watch channels made due share the
 * channel of sync jobs: one loop drains them all). Inside a transaction, only its commit wakes.
 */
export async function wakeSyncWorkers(db: Pick<Db, '$executeRaw'>): Promise<void> {
  await db.$executeRaw`SELECT pg_notify(${JOBS_CHANNEL}, '')`;
}

@Injectable()
export class SyncJobRepository {
  constructor(private readonly prisma: PrismaService) {}

  /**
   * One row per (integration, intervention): a second change before the worker ran only
   * bumps it (coalescing). `revision` tells a running worker its claim became stale.
   * Parked jobs stay parked; they resume with the integration (see resume()).
   */
  async enqueue(db: Db, integrationId: string, interventionIds: string[], now: Date): Promise<void> {
    for (const interventionId of interventionIds) {
      await db.syncJob.upsert({
        where: { integrationId_interventionId: { integrationId, interventionId } },
        create: { integrationId, interventionId, runAfter: now },
        update: { revision: { increment: 1 }, attempts: 0, runAfter: now, lastError: null },
        select: { id: true },
      });
    }
    if (interventionIds.length > 0) await this.notify(db);
  }

  /**
   * The write path's enqueue (an intervention changed): a job for each integration of these
   * technicians whose calendar may need to change, coalesced as enqueue() does, and the
   * notification, in one statement and one round trip inside the caller's transaction.
   * Nothing queued (no syncable integration): no notification.
   */
  async enqueueForTechnicians(db: Db, technicianIds: string[], interventionId: string, now: Date): Promise<void> {
    if (technicianIds.length === 0) return;
    await db.$executeRaw`
      WITH queued AS (
        INSERT INTO sync_jobs (id, integration_id, intervention_id, run_after, updated_at)
        SELECT gen_random_uuid(), ci.id, ${interventionId}::uuid, ${now}::timestamptz, ${now}::timestamptz
        FROM calendar_integrations ci
        WHERE ci.user_id = ANY(${technicianIds}::uuid[]) AND ci.status::text = ANY(${SYNCABLE_INTEGRATION_STATUSES}::text[])
        ON CONFLICT (integration_id, intervention_id) DO UPDATE
          SET revision = sync_jobs.revision + 1, attempts = 0, run_after = EXCLUDED.run_after, last_error = NULL, updated_at = EXCLUDED.updated_at
        RETURNING 1
      )
      SELECT pg_notify(${JOBS_CHANNEL}, '') FROM (SELECT 1 FROM queued LIMIT 1) AS any_queued`;
  }

  /** The person can be synced again: parked jobs become due. */
  async resume(db: Db, integrationId: string, now: Date): Promise<void> {
    const { count } = await db.syncJob.updateMany({ where: { integrationId, status: 'PARKED' }, data: { status: 'PENDING', runAfter: now, attempts: 0 } });
    if (count > 0) await this.notify(db);
  }

  /**
   * The provider answered this account again after failures: its jobs deferred by a
   * transient failure go now instead of waiting out a backoff that kept growing during
   * the outage. Throttled ones keep their Retry-After.
   */
  async releaseDeferred(integrationId: string, now: Date): Promise<void> {
    const { count } = await this.prisma.syncJob.updateMany({
      where: { integrationId, status: 'PENDING', lastError: 'TRANSIENT', runAfter: { gt: now } },
      data: { runAfter: now },
    });
    if (count > 0) await this.notify(this.prisma);
  }

  /**
   * When the next pending job can be claimed (undefined: none), so a worker can sleep until
   * then: its run_after, or the end of another worker's lease on it.
   */
  async nextDueAt(): Promise<Date | undefined> {
    const [row] = await this.prisma.$queryRaw<{ next: Date | null }[]>`
      SELECT min(GREATEST(run_after, COALESCE(locked_until, run_after))) AS next FROM sync_jobs WHERE status = 'PENDING'`;
    return row?.next ?? undefined;
  }

  /** Calls `onDue` whenever any process commits a job that is due. Resolves to an unlisten. */
  listen(onDue: () => void): Promise<() => Promise<void>> {
    return this.prisma.listen(JOBS_CHANNEL, onDue);
  }

  private async notify(db: Db): Promise<void> {
    await wakeSyncWorkers(db);
  }

  /**
   * One statement: pick due rows no one holds (SKIP LOCKED: concurrent workers never wait
   * on or take each other's rows) and stamp the lease, so the claim survives the statement.
   */
  async claim(now: Date, limit: number): Promise<ClaimedJob[]> {
    const leaseUntil = new Date(now.getTime() + CLAIM_LEASE_MS);
    const rows = await this.prisma.$queryRaw<
      { id: string; integration_id: string; intervention_id: string; revision: number; attempts: number; edited_elsewhere: boolean }[]
    >`
      UPDATE sync_jobs SET locked_until = ${leaseUntil}::timestamptz
      WHERE id IN (
        SELECT id FROM sync_jobs
        WHERE status = 'PENDING' AND run_after <= ${now}::timestamptz
          AND (locked_until IS NULL OR locked_until <= ${now}::timestamptz)
        ORDER BY run_after
        LIMIT ${limit}
        FOR UPDATE SKIP LOCKED
      )
      RETURNING id::text, integration_id::text, intervention_id::text, revision, attempts, edited_elsewhere`;
    return rows.map((r) => ({
      id: r.id,
      integrationId: r.integration_id,
      interventionId: r.intervention_id,
      revision: Number(r.revision),
      attempts: Number(r.attempts),
      editedElsewhere: r.edited_elsewhere,
    }));
  }

  /**
   * The job's work is done. Deleted only if no change arrived while we worked (same
   * revision); otherwise released, so the newer change runs next (never a lost update).
   */
  async finish(job: ClaimedJob): Promise<void> {
    const { count } = await this.prisma.syncJob.deleteMany({ where: { id: job.id, revision: job.revision } });
    if (count === 0) await this.prisma.syncJob.updateMany({ where: { id: job.id }, data: { lockedUntil: null } });
  }

  /** Not now (the account's pace is used up): due again at `runAfter`, no attempt counted. */
  async postpone(job: ClaimedJob, runAfter: Date): Promise<void> {
    await this.prisma.syncJob.updateMany({ where: { id: job.id, revision: job.revision }, data: { runAfter } });
    await this.prisma.syncJob.updateMany({ where: { id: job.id }, data: { lockedUntil: null } });
  }

  /** Try again at `runAfter`. A change that arrived meanwhile already made it due now. */
  async reschedule(job: ClaimedJob, runAfter: Date, lastError: ProviderErrorCode): Promise<void> {
    await this.prisma.syncJob.updateMany({
      where: { id: job.id, revision: job.revision },
      data: { attempts: job.attempts + 1, runAfter, lastError },
    });
    await this.prisma.syncJob.updateMany({ where: { id: job.id }, data: { lockedUntil: null } });
  }

  /**
   * Waits for the person (reconnect, calendar choice, sync re-enabled); see CalendarSyncService.enqueueAllFor.
   * Only if nothing was enqueued meanwhile: a calendar chosen while we decided to park
   * resumes and bumps the job, and parking it then would strand it.
   */
  async park(job: ClaimedJob, lastError: ProviderErrorCode | null): Promise<void> {
    const { count } = await this.prisma.syncJob.updateMany({
      where: { id: job.id, revision: job.revision },
      data: { status: 'PARKED', lockedUntil: null, lastError },
    });
    if (count === 0) await this.prisma.syncJob.updateMany({ where: { id: job.id }, data: { lockedUntil: null } });
  }

  /** Drops every claim of the integration: its grant is gone, nothing can run until reconnect. */
  async parkAll(integrationId: string): Promise<void> {
    await this.prisma.syncJob.updateMany({ where: { integrationId }, data: { status: 'PARKED', lockedUntil: null } });
  }

  /**
   * The person edited the event since we wrote it (our If-Match update was refused): the job
   * waits for a pull to record the edit (releaseEdited), at the latest until `runAfter`.
   * Counted as an attempt, so that an edit no pull can see does not hold the job for ever.
   */
  async awaitPull(job: ClaimedJob, runAfter: Date): Promise<void> {
    await this.prisma.syncJob.updateMany({
      where: { id: job.id },
      data: { editedElsewhere: true, attempts: job.attempts + 1, runAfter, lockedUntil: null },
    });
  }

  /** A pull recorded the person's edit of these events (same transaction): their writes go now. */
  async releaseEdited(db: Db, integrationId: string, interventionIds: string[], now: Date): Promise<void> {
    const { count } = await db.syncJob.updateMany({
      where: { integrationId, interventionId: { in: interventionIds }, editedElsewhere: true },
      data: { editedElsewhere: false, runAfter: now },
    });
    if (count > 0) await this.notify(db);
  }

  /**
   * The jobs of these interventions (due, running or parked): a write of ours is coming. By
   * intervention id: whether that write was refused because the person edited the event.
   */
  async withJobs(db: Db, integrationId: string, interventionIds: string[]): Promise<Map<string, { editedElsewhere: boolean }>> {
    const rows = await db.syncJob.findMany({
      where: { integrationId, interventionId: { in: interventionIds } },
      select: { interventionId: true, editedElsewhere: true },
    });
    return new Map(rows.map((r) => [r.interventionId, { editedElsewhere: r.editedElsewhere }]));
  }

  /** Jobs of the integration, due or parked. */
  countFor(db: Db, integrationId: string): Promise<number> {
    return db.syncJob.count({ where: { integrationId } });
  }

  /** The integration was disconnected: nothing of it is pending any more. */
  async forgetIntegration(db: Db, integrationId: string): Promise<void> {
    await db.syncJob.deleteMany({ where: { integrationId } });
  }

  transaction<T>(work: (db: Db) => Promise<T>): Promise<T> {
    return this.prisma.$transaction(work);
  }
}
