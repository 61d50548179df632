// The worker's database side: claiming due sync jobs (safe with several API processes on
// one PostgreSQL, and on the single-connection embedded PGlite), closing them, and the
// per-intervention, per-integration sync state (intervention_syncs) the UI can show.
import { Injectable } from '@nestjs/common';
import { PrismaService } from '../../database/prisma.service';
import type { Prisma } from '../../generated/prisma/client';
import type { InterventionSyncStatus } from '../../generated/prisma/enums';
import type { ProviderErrorCode } from '../providers/provider-error';

export interface ClaimedJob {
  id: string;
  integrationId: string;
  interventionId: string;
  revision: number;
  attempts: number;
}

const INTERVENTION_FOR_SYNC = {
  id: true,
  title: true,
  description: true,
  clientName: true,
  address: true,
  startsAt: true,
  endsAt: true,
  timeZone: true,
  status: true,
  technicianId: true,
  version: true,
} as const satisfies Prisma.InterventionSelect;
export type InterventionForSync = Prisma.InterventionGetPayload<{ select: typeof INTERVENTION_FOR_SYNC }>;

/** How long a claim holds; past it, a crashed worker's job is claimable again. */
export const CLAIM_LEASE_MS = 2 * 60_000;

@Injectable()
export class SyncStateRepository {
  constructor(private readonly prisma: PrismaService) {}

  /**
   * One statement: pick due rows no one holds (SKIP LOCKED: concurrent workers never wait
   * on or take each other's rows) and stamp the lease, so the claim survives the statement.
   */
  async claim(now: Date, limit: number): Promise<ClaimedJob[]> {
    const leaseUntil = new Date(now.getTime() + CLAIM_LEASE_MS);
    const rows = await this.prisma.$queryRaw<
      { id: string; integration_id: string; intervention_id: string; revision: number; attempts: number }[]
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
      RETURNING id::text, integration_id::text, intervention_id::text, revision, attempts`;
    return rows.map((r) => ({
      id: r.id,
      integrationId: r.integration_id,
      interventionId: r.intervention_id,
      revision: Number(r.revision),
      attempts: Number(r.attempts),
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

  /** Try again at `runAfter`. A change that arrived meanwhile already made it due now. */
  async reschedule(job: ClaimedJob, runAfter: Date, lastError: ProviderErrorCode): Promise<void> {
    await this.prisma.syncJob.updateMany({
      where: { id: job.id, revision: job.revision },
      data: { attempts: job.attempts + 1, runAfter, lastError },
    });
    await this.prisma.syncJob.updateMany({ where: { id: job.id }, data: { lockedUntil: null } });
  }

  /** Waits for the person (reconnect, calendar choice, sync re-enabled); see CalendarSyncService.enqueueAllFor. */
  async park(job: ClaimedJob, lastError: ProviderErrorCode | null): Promise<void> {
    await this.prisma.syncJob.updateMany({ where: { id: job.id }, data: { status: 'PARKED', lockedUntil: null, lastError } });
  }

  /** Drops every claim of the integration: its grant is gone, nothing can run until reconnect. */
  async parkAll(integrationId: string): Promise<void> {
    await this.prisma.syncJob.updateMany({ where: { integrationId }, data: { status: 'PARKED', lockedUntil: null } });
  }

  /** No token column: the worker reaches tokens only through IntegrationAccess. */
  findIntegration(id: string) {
    return this.prisma.calendarIntegration.findUnique({
      where: { id },
      select: { userId: true, provider: true, status: true, calendarId: true, syncEnabled: true },
    });
  }

  findIntervention(id: string): Promise<InterventionForSync | null> {
    return this.prisma.intervention.findUnique({ where: { id }, select: INTERVENTION_FOR_SYNC });
  }

  findSync(integrationId: string, interventionId: string) {
    return this.prisma.interventionSync.findUnique({
      where: { integrationId_interventionId: { integrationId, interventionId } },
      select: { calendarId: true, externalId: true, etag: true, status: true, syncedVersion: true },
    });
  }

  async recordSynced(
    key: { integrationId: string; interventionId: string },
    state: { calendarId: string; externalId: string; etag: string | null; syncedVersion: number; syncedAt: Date },
  ): Promise<void> {
    const data = { ...state, status: 'SYNCED' as const, lastError: null };
    await this.prisma.interventionSync.upsert({
      where: { integrationId_interventionId: key },
      create: { ...key, ...data },
      update: data,
      select: { id: true },
    });
  }

  async recordProblem(
    key: { integrationId: string; interventionId: string },
    status: Exclude<InterventionSyncStatus, 'SYNCED'>,
    lastError: ProviderErrorCode,
    forgetExternalId = false,
  ): Promise<void> {
    const data = { status, lastError, ...(forgetExternalId ? { externalId: null, etag: null } : {}) };
    await this.prisma.interventionSync.upsert({
      where: { integrationId_interventionId: key },
      create: { ...key, ...data },
      update: data,
      select: { id: true },
    });
  }

  /** The event is gone from the calendar: nothing left to track. */
  async forgetSync(key: { integrationId: string; interventionId: string }): Promise<void> {
    await this.prisma.interventionSync.deleteMany({ where: key });
  }
}
