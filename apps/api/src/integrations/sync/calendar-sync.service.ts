// The write side of calendar sync: turns "this intervention changed" into sync jobs, in
// the transaction of the change (transactional outbox). It never calls a provider: the
// HTTP request that changed the intervention only writes rows; sync-worker.ts does the rest.
import { Injectable } from '@nestjs/common';
import type { CalendarProviderId } from '@fs/contracts';
import { Clock } from '../../common/clock';
import { AppConfig } from '../../config/app-config';
import { CalendarPullRepository } from '../inbound/calendar-pull.repository';
import { IntegrationRepository } from '../integration.repository';
import { WatchChannelRepository } from '../push/watch-channel.repository';
import { pushUrls } from '../push/push-urls';
import { InterventionSyncRepository } from './intervention-sync.repository';
import { SyncJobRepository, type Db } from './sync-job.repository';
import { SyncSource } from './sync-source';

@Injectable()
export class CalendarSyncService {
  constructor(
    private readonly jobs: SyncJobRepository,
    private readonly records: InterventionSyncRepository,
    private readonly source: SyncSource,
    private readonly integrations: IntegrationRepository,
    private readonly pulls: CalendarPullRepository,
    private readonly watches: WatchChannelRepository,
    private readonly clock: Clock,
    private readonly config: AppConfig,
  ) {}

  /**
   * Call inside the intervention's write transaction with every technician the change
   * concerns: on a reassignment both the previous one (event to remove) and the new one.
   */
  async onInterventionChanged(tx: Db, interventionId: string, technicianIds: string[]): Promise<void> {
    // One round trip on the user's write path: the lookup, the jobs and the NOTIFY in one statement.
    await this.jobs.enqueueForTechnicians(tx, [...new Set(technicianIds)], interventionId, this.clock.now());
  }

  /**
   * Full resync of one integration: a calendar was chosen, sync re-enabled or the grant
   * came back. The person's interventions of the sync window (not the whole history: those
   * ending SYNC_WINDOW_PAST_DAYS ago or later), every event we already wrote (so a calendar
   * change moves them all), plus anything parked meanwhile (e.g. removals of interventions
   * reassigned while the grant was revoked). What the calendar already shows costs
   * nothing: the planner finds it current.
   */
  async enqueueAllFor(userId: string, provider: CalendarProviderId): Promise<void> {
    await this.jobs.transaction(async (tx) => {
      const integrationId = await this.source.integrationIdOf(tx, userId, provider);
      if (!integrationId) return;
      const now = this.clock.now();
      const windowStart = new Date(now.getTime() - this.config.env.SYNC_WINDOW_PAST_DAYS * 86_400_000);
      const inWindow = await this.source.interventionsAssignedTo(tx, userId, windowStart);
      const written = (await this.records.ofIntegration(tx, integrationId)).map((r) => r.interventionId);
      // Enqueue before resume: the enqueue locks the rows it bumps, so a worker parking one
      // of them meanwhile (it saw no calendar yet) waits, then finds a newer revision and
      // leaves it. Resumed first, a park landing in between stayed PARKED at the new revision.
      await this.jobs.enqueue(tx, integrationId, [...new Set([...inWindow, ...written])], now);
      await this.jobs.resume(tx, integrationId, now);
      // "12 of 40 written" on the card, from this request on: never "appear in" before the first write.
      await this.integrations.startSyncRun(tx, integrationId, await this.jobs.countFor(tx, integrationId));
      await this.followSyncMode(tx, integrationId);
    });
  }

  /**
   * Two-way sync pulls the target calendar of a connected two-way integration, and nothing
   * else: call after the mode, the calendar or the connection changed.
   */
  async onSyncModeChanged(userId: string, provider: CalendarProviderId): Promise<void> {
    await this.jobs.transaction(async (tx) => {
      const integrationId = await this.source.integrationIdOf(tx, userId, provider);
      if (integrationId) await this.followSyncMode(tx, integrationId);
    });
  }

  private async followSyncMode(tx: Db, integrationId: string): Promise<void> {
    const integration = await this.source.integration(integrationId, tx);
    const pulling = integration?.syncMode === 'two_way' && integration.status === 'CONNECTED' && integration.calendarId;
    const now = this.clock.now();
    if (pulling) await this.pulls.start(tx, integrationId, integration.calendarId!, now);
    else await this.pulls.stop(tx, integrationId);
    // Push (PUBLIC_API_URL set): a watch on the pulled calendar, whose notifications make the pull due at once.
    if (pulling && pushUrls(this.config.env)) await this.watches.follow(tx, integrationId, integration.calendarId!, now);
    else await this.watches.retire(tx, integrationId, now);
  }

  /**
   * Two-way sync: put the event back as the intervention says (a text edit, a move or removal
   * turned down). In the caller's transaction, like any other enqueue.
   */
  async restoreEvent(tx: Db, integrationId: string, interventionId: string, eventGone: boolean): Promise<void> {
    await this.records.markStale(tx, { integrationId, interventionId }, eventGone);
    await this.jobs.enqueue(tx, integrationId, [interventionId], this.clock.now());
  }

  /**
   * The event privacy settings changed: every event we wrote is rewritten under them, old
   * ones included (they still show what may no longer leave the company). Call inside the
   * settings' write transaction.
   */
  async onEventPrivacyChanged(tx: Db): Promise<void> {
    const integrations = await this.source.syncableIntegrations(tx);
    const now = this.clock.now();
    for (const { id } of integrations) {
      const written = await this.records.ofIntegration(tx, id);
      await this.jobs.enqueue(tx, id, written.map((r) => r.interventionId), now);
    }
  }

  /**
   * Disconnect with "remove events": the integration turns DISCONNECTING and every event we
   * wrote gets a job, which the planner turns into a delete. Resolves with how many jobs
   * wait; 0 means nothing to remove (the caller completes the disconnect at once).
   */
  async queueRemoval(userId: string, provider: CalendarProviderId): Promise<number> {
    return this.jobs.transaction(async (tx) => {
      const integrationId = await this.source.integrationIdOf(tx, userId, provider);
      if (!integrationId) return 0;
      const now = this.clock.now();
      await this.integrations.markDisconnecting(tx, integrationId);
      await this.pulls.stop(tx, integrationId);
      await this.watches.retire(tx, integrationId, now);
      // Enqueue before resume, as in enqueueAllFor.
      await this.jobs.enqueue(tx, integrationId, await this.records.interventionIdsOf(tx, integrationId), now);
      await this.jobs.resume(tx, integrationId, now);
      const total = await this.jobs.countFor(tx, integrationId);
      await this.integrations.startSyncRun(tx, integrationId, total);
      return total;
    });
  }

  /** Jobs of the person's integration still waiting (due or parked). */
  async jobsLeft(integrationId: string): Promise<number> {
    return this.jobs.transaction((tx) => this.jobs.countFor(tx, integrationId));
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

  /** "Retry" on one intervention: due again in each calendar of its technician. */
  async retryIntervention(interventionId: string, technicianId: string): Promise<void> {
    await this.jobs.transaction((tx) => this.onInterventionChanged(tx, interventionId, [technicianId]));
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
      await this.pulls.stop(tx, integrationId);
      await this.watches.forget(tx, integrationId);
    });
  }
}
