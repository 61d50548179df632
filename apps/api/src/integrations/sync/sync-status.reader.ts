// The read port other modules (interventions) and the integrations service use to show sync
// state: per intervention (badge) and per integration (health on the Settings card). Reads
// only, from the outbox, the sync records and the integrations; the derivation is pure
// (sync-state.ts). IntegrationsModule exports this class, never the repositories.
import { Injectable } from '@nestjs/common';
import type { CalendarProviderId, IntegrationErrorCode, IntegrationHealth, InterventionCalendarChange, InterventionSync } from '@fs/contracts';
import { PrismaService } from '../../database/prisma.service';
import { SYNCABLE_INTEGRATION_STATUSES } from './syncable';
import { interventionSyncState, syncProgress, type SyncJobView, type SyncRecordView } from './sync-state';

export interface InterventionRef {
  id: string;
  /** Null: unassigned, in no one's calendar. */
  technicianId: string | null;
}

/** One intervention in one calendar of its technician (a row of forInterventions' query). */
interface StateRow {
  intervention_id: string;
  provider: CalendarProviderId;
  integration_status: string;
  record_status: SyncRecordView['status'] | null;
  record_error: string | null;
  synced_at: Date | null;
  job_status: SyncJobView['status'] | null;
  job_error: string | null;
}

@Injectable()
export class SyncStatusReader {
  constructor(private readonly prisma: PrismaService) {}

  /**
   * For each intervention, its state in each calendar of its technician that receives
   * interventions. One round trip (it is on every intervention write's answer): each
   * intervention joined to its technician's integrations, their record and waiting job.
   */
  async forInterventions(items: InterventionRef[]): Promise<Map<string, InterventionSync[]>> {
    const result = new Map(items.map((i) => [i.id, [] as InterventionSync[]]));
    if (items.length === 0) return result;
    const rows = await this.prisma.$queryRaw<StateRow[]>`
      SELECT i.id::text AS intervention_id, ci.provider::text AS provider, ci.status::text AS integration_status,
             s.status::text AS record_status, s.last_error AS record_error, s.synced_at,
             j.status::text AS job_status, j.last_error AS job_error
      FROM unnest(${items.map((i) => i.id)}::uuid[], ${items.map((i) => i.technicianId)}::uuid[]) AS i(id, technician_id)
      JOIN calendar_integrations ci ON ci.user_id = i.technician_id AND ci.calendar_id IS NOT NULL
        AND ci.status::text = ANY(${[...SYNCABLE_INTEGRATION_STATUSES]}::text[])
      LEFT JOIN intervention_syncs s ON s.integration_id = ci.id AND s.intervention_id = i.id
      LEFT JOIN sync_jobs j ON j.integration_id = ci.id AND j.intervention_id = i.id
      ORDER BY ci.provider`;
    for (const row of rows) {
      const record = row.record_status ? { status: row.record_status, lastError: row.record_error, syncedAt: row.synced_at } : null;
      const job = row.job_status ? { status: row.job_status, lastError: row.job_error } : null;
      const state = interventionSyncState(row.provider, record, job, row.integration_status);
      if (state) result.get(row.intervention_id)!.push(state);
    }
    return result;
  }

  /**
   * Two-way sync: the latest change a technician made to each intervention in their calendar
   * (calendar_changes, written by the calendar-changes feature), so they see where it stands.
   */
  async latestCalendarChanges(interventionIds: string[]): Promise<Map<string, InterventionCalendarChange>> {
    if (interventionIds.length === 0) return new Map();
    const rows = await this.prisma.calendarChange.findMany({
      where: { interventionId: { in: interventionIds } },
      select: { id: true, interventionId: true, kind: true, status: true },
      orderBy: { seenAt: 'asc' },
    });
    // Oldest first: the latest of each intervention overwrites the earlier ones.
    return new Map(rows.map((r) => [r.interventionId, { id: r.id, kind: r.kind, status: r.status }]));
  }

  /** Last write, what waits, what failed, and the progress of a bulk run in progress. */
  async healthOf(integration: { id: string; status: string; syncRunTotal: number | null }): Promise<IntegrationHealth> {
    const integrationId = integration.id;
    const [last, pendingCount, dueCount, failed, watch, busyWatches] = await Promise.all([
      this.prisma.interventionSync.aggregate({ where: { integrationId }, _max: { syncedAt: true } }),
      this.prisma.syncJob.count({ where: { integrationId } }),
      this.prisma.syncJob.count({ where: { integrationId, status: 'PENDING' } }),
      this.prisma.interventionSync.findMany({ where: { integrationId, status: 'FAILED' }, select: { interventionId: true } }),
      this.prisma.watchChannel.findFirst({ where: { integrationId, purpose: 'pull' }, select: { state: true, expiresAt: true, lastError: true } }),
      this.prisma.watchChannel.findMany({ where: { integrationId, purpose: 'busy' }, select: { state: true } }),
    ]);
    // A failed intervention with a job waiting is being retried: it counts as pending.
    const retrying = failed.length === 0 ? 0 : await this.prisma.syncJob.count({ where: { integrationId, interventionId: { in: failed.map((f) => f.interventionId) } } });
    return {
      lastSyncedAt: last._max.syncedAt?.toISOString() ?? null,
      pendingCount,
      failedCount: failed.length - retrying,
      // Parked jobs wait for the person (a calendar to choose, a reconnect): no progress to show.
      progress: syncProgress(integration.status === 'DISCONNECTING' ? 'removing' : 'writing', integration.syncRunTotal, dueCount),
      // Two-way push: whether changes arrive within seconds, or only with the periodic pull (and why).
      pushChannel: watch
        ? { state: watch.state, expiresAt: watch.expiresAt?.toISOString() ?? null, lastError: (watch.lastError as IntegrationErrorCode | null) ?? null }
        : null,
      availabilityPush: availabilityPushOf(busyWatches.map((w) => w.state)),
    };
  }
}

/**
 * One word for the busy watches of an integration: any refused one means polling for some
 * calendar. A stopping watch is one on a calendar that no longer counts: it says nothing.
 */
export function availabilityPushOf(all: string[]): IntegrationHealth['availabilityPush'] {
  const states = all.filter((state) => state !== 'stopping');
  if (states.length === 0) return null;
  if (states.includes('refused')) return 'refused';
  return states.every((state) => state === 'active') ? 'active' : 'pending';
}
