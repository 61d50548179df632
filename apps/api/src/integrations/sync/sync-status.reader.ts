// The read port other modules (interventions) and the integrations service use to show sync
// state: per intervention (badge) and per integration (health on the Settings card). Reads
// only, from the outbox, the sync records and the integrations; the derivation is pure
// (sync-state.ts). IntegrationsModule exports this class, never the repositories.
import { Injectable } from '@nestjs/common';
import type { CalendarProviderId, IntegrationErrorCode, IntegrationHealth, InterventionCalendarChange, InterventionSync } from '@fs/contracts';
import { PrismaService } from '../../database/prisma.service';
import { interventionSyncState, syncProgress, type SyncJobView, type SyncRecordView } from './sync-state';

export interface InterventionRef {
  id: string;
  /** Null: unassigned, in no one's calendar. */
  technicianId: string | null;
}

type Keyed<T> = T & { integrationId: string; interventionId: string };
const pairKey = (integrationId: string, interventionId: string) => `${integrationId}:${interventionId}`;

@Injectable()
export class SyncStatusReader {
  constructor(private readonly prisma: PrismaService) {}

  /** For each intervention, its state in each calendar of its technician that receives interventions. */
  async forInterventions(items: InterventionRef[]): Promise<Map<string, InterventionSync[]>> {
    const result = new Map(items.map((i) => [i.id, [] as InterventionSync[]]));
    if (items.length === 0) return result;
    const integrations = await this.prisma.calendarIntegration.findMany({
      where: { userId: { in: [...new Set(items.flatMap((i) => (i.technicianId ? [i.technicianId] : [])))] }, status: { in: ['CONNECTED', 'NEEDS_RECONNECT'] }, calendarId: { not: null } },
      select: { id: true, userId: true, provider: true, status: true },
      orderBy: { provider: 'asc' },
    });
    if (integrations.length === 0) return result;
    const where = { integrationId: { in: integrations.map((i) => i.id) }, interventionId: { in: items.map((i) => i.id) } };
    const [records, jobs] = await Promise.all([
      this.prisma.interventionSync.findMany({ where, select: { integrationId: true, interventionId: true, status: true, lastError: true, syncedAt: true } }),
      this.prisma.syncJob.findMany({ where, select: { integrationId: true, interventionId: true, status: true, lastError: true } }),
    ]);
    const recordOf = index<Keyed<SyncRecordView>>(records);
    const jobOf = index<Keyed<SyncJobView>>(jobs);
    for (const item of items) {
      for (const integration of integrations.filter((i) => i.userId === item.technicianId)) {
        const key = pairKey(integration.id, item.id);
        const state = interventionSyncState(integration.provider as CalendarProviderId, recordOf.get(key) ?? null, jobOf.get(key) ?? null, integration.status);
        if (state) result.get(item.id)!.push(state);
      }
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
    const [last, pendingCount, dueCount, failed, watch] = await Promise.all([
      this.prisma.interventionSync.aggregate({ where: { integrationId }, _max: { syncedAt: true } }),
      this.prisma.syncJob.count({ where: { integrationId } }),
      this.prisma.syncJob.count({ where: { integrationId, status: 'PENDING' } }),
      this.prisma.interventionSync.findMany({ where: { integrationId, status: 'FAILED' }, select: { interventionId: true } }),
      this.prisma.watchChannel.findUnique({ where: { integrationId }, select: { state: true, expiresAt: true, lastError: true } }),
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
    };
  }
}

function index<T extends { integrationId: string; interventionId: string }>(rows: T[]): Map<string, T> {
  return new Map(rows.map((r) => [pairKey(r.integrationId, r.interventionId), r]));
}
