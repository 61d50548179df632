// The write side of calendar sync: turns "this intervention changed" into sync jobs, in
// the transaction of the change (transactional outbox). It never calls a provider: the
// HTTP request that changed the intervention only writes rows; sync-worker.ts does the rest.
import { Injectable } from '@nestjs/common';
import type { CalendarProviderId } from '@fs/contracts';
import { Clock } from '../../common/clock';
import { InterventionSyncRepository } from './intervention-sync.repository';
import { SyncJobRepository, type Db } from './sync-job.repository';
import { SyncSource } from './sync-source';

@Injectable()
export class CalendarSyncService {
  constructor(
    private readonly jobs: SyncJobRepository,
    private readonly records: InterventionSyncRepository,
    private readonly source: SyncSource,
    private readonly clock: Clock,
  ) {}

  /**
   * Call inside the intervention's write transaction with every technician the change
   * concerns: on a reassignment both the previous one (event to remove) and the new one.
   */
  async onInterventionChanged(tx: Db, interventionId: string, technicianIds: string[]): Promise<void> {
    const integrations = await this.source.syncableIntegrationsOf(tx, [...new Set(technicianIds)]);
    const now = this.clock.now();
    for (const integration of integrations) await this.jobs.enqueue(tx, integration.id, [interventionId], now);
  }

  /**
   * Full resync of one integration: a calendar was chosen, sync re-enabled or the grant
   * came back. Every intervention assigned to the person, plus anything parked meanwhile
   * (e.g. removals of interventions reassigned while the grant was revoked). What the
   * calendar already shows costs nothing: the planner finds it current.
   */
  async enqueueAllFor(userId: string, provider: CalendarProviderId): Promise<void> {
    await this.jobs.transaction(async (tx) => {
      const integrationId = await this.source.integrationIdOf(tx, userId, provider);
      if (!integrationId) return;
      const now = this.clock.now();
      await this.jobs.resume(tx, integrationId, now);
      await this.jobs.enqueue(tx, integrationId, await this.source.interventionsAssignedTo(tx, userId), now);
    });
  }

  /** The person asked to retry what the worker gave up on: those events are due again. */
  async retryFailed(userId: string, provider: CalendarProviderId): Promise<void> {
    await this.jobs.transaction(async (tx) => {
      const integrationId = await this.source.integrationIdOf(tx, userId, provider);
      if (!integrationId) return;
      const failed = await this.records.failed(tx, integrationId);
      await this.jobs.enqueue(tx, integrationId, failed.map((f) => f.interventionId), this.clock.now());
    });
  }

  /**
   * The person disconnected: the grant is revoked, so their events cannot be removed any
   * more and stay in their calendar. What we tracked about them is dropped; ids derived
   * from the sync key still find those events if the same account connects again.
   */
  async onDisconnected(userId: string, provider: CalendarProviderId): Promise<void> {
    await this.jobs.transaction(async (tx) => {
      const integrationId = await this.source.integrationIdOf(tx, userId, provider);
      if (!integrationId) return;
      await this.jobs.forgetIntegration(tx, integrationId);
      await this.records.forgetIntegration(tx, integrationId);
    });
  }
}
