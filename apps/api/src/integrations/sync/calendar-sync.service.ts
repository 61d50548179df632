// The write side of calendar sync: turns "this intervention changed" into sync jobs, in
// the transaction of the change (transactional outbox). It never calls a provider: the
// HTTP request that changed the intervention only writes rows; sync-worker.ts does the rest.
import { Injectable } from '@nestjs/common';
import type { CalendarProviderId } from '@fs/contracts';
import { Clock } from '../../common/clock';
import { toDbProvider } from '../oauth/oauth-state.service';
import { SyncJobRepository, type Db } from './sync-job.repository';

@Injectable()
export class CalendarSyncService {
  constructor(
    private readonly jobs: SyncJobRepository,
    private readonly clock: Clock,
  ) {}

  /**
   * Call inside the intervention's write transaction with every technician the change
   * concerns: on a reassignment both the previous one (event to remove) and the new one.
   */
  async onInterventionChanged(tx: Db, interventionId: string, technicianIds: string[]): Promise<void> {
    const integrations = await this.jobs.integrationsOf(tx, [...new Set(technicianIds)]);
    const now = this.clock.now();
    for (const integration of integrations) await this.jobs.enqueue(tx, integration.id, [interventionId], now);
  }

  /**
   * Full resync of one integration: a calendar was chosen, sync re-enabled or the grant
   * came back. Every intervention assigned to the person, plus anything parked meanwhile
   * (e.g. removals of interventions reassigned while the grant was revoked).
   */
  async enqueueAllFor(userId: string, provider: CalendarProviderId): Promise<void> {
    await this.jobs.transaction(async (tx) => {
      const integration = await tx.calendarIntegration.findUnique({
        where: { userId_provider: { userId, provider: toDbProvider(provider) } },
        select: { id: true, userId: true },
      });
      if (!integration) return;
      const integrationId = integration.id;
      const interventions = await tx.intervention.findMany({
        where: { technicianId: integration.userId, status: { not: 'CANCELLED' } },
        select: { id: true },
      });
      const now = this.clock.now();
      await this.jobs.resume(tx, integrationId, now);
      await this.jobs.enqueue(tx, integrationId, interventions.map((i) => i.id), now);
    });
  }

  /** The person asked to retry what the worker gave up on: those events are due again. */
  async retryFailed(userId: string, provider: CalendarProviderId): Promise<void> {
    await this.jobs.transaction(async (tx) => {
      const failed = await tx.interventionSync.findMany({
        where: { status: 'FAILED', integration: { userId, provider: toDbProvider(provider) } },
        select: { integrationId: true, interventionId: true },
      });
      const now = this.clock.now();
      for (const { integrationId, interventionId } of failed) await this.jobs.enqueue(tx, integrationId, [interventionId], now);
    });
  }

  /**
   * The person disconnected: the grant is revoked, so their events cannot be removed any
   * more and stay in their calendar. What we tracked about them is dropped; ids derived
   * from the sync key still find those events if the same account connects again.
   */
  async onDisconnected(userId: string, provider: CalendarProviderId): Promise<void> {
    await this.jobs.transaction(async (tx) => {
      const where = { integration: { userId, provider: toDbProvider(provider) } };
      await tx.syncJob.deleteMany({ where });
      await tx.interventionSync.deleteMany({ where });
    });
  }
}
