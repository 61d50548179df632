// The only code that calls calendar providers for sync. Polls the outbox (sync_jobs),
// claims due jobs, and for each (integration, intervention) makes the calendar match the
// database as it is *now*: the intervention's event exists and is current when it is
// assigned to the integration's person and not cancelled, else it is removed.
// Failures go through retry-policy.ts; the outcome is recorded in intervention_syncs.
import { Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import type { CalendarProviderId } from '@fs/contracts';
import { Clock } from '../../common/clock';
import { AppConfig } from '../../config/app-config';
import { IntegrationAccess } from '../integration-access.service';
import { IntegrationRepository } from '../integration.repository';
import type { CalendarProvider } from '../providers/calendar-provider';
import { ProviderError } from '../providers/provider-error';
import { ProviderRegistry } from '../providers/provider-registry';
import { syncKeyFor, toCalendarEventInput } from './event-input.mapper';
import { syncActionFor, type SyncOperation } from './retry-policy';
import { SyncStateRepository, type ClaimedJob, type InterventionForSync } from './sync-state.repository';

const BATCH_SIZE = 20;


interface Target {
  integrationId: string;
  userId: string;
  provider: CalendarProvider;
  calendarId: string;
}

@Injectable()
export class SyncWorker implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(SyncWorker.name);
  private timer?: NodeJS.Timeout;
  private running?: Promise<number>;

  constructor(
    private readonly state: SyncStateRepository,
    private readonly access: IntegrationAccess,
    private readonly integrations: IntegrationRepository,
    private readonly registry: ProviderRegistry,
    private readonly config: AppConfig,
    private readonly clock: Clock,
  ) {}

  onApplicationBootstrap(): void {
    if (!this.config.env.SYNC_WORKER_ENABLED) return;
    this.timer = setInterval(() => {
      void this.runOnce().catch((error: unknown) => this.logger.error(`sync poll failed: ${(error as Error).message}`));
    }, this.config.env.SYNC_POLL_INTERVAL_MS);
    this.timer.unref();
  }

  async onModuleDestroy(): Promise<void> {
    clearInterval(this.timer);
    await this.running?.catch(() => undefined);
  }

  /** Processes one batch of due jobs; resolves with how many it handled. Never overlaps itself. */
  runOnce(): Promise<number> {
    this.running ??= this.batch().finally(() => (this.running = undefined));
    return this.running;
  }

  private async batch(): Promise<number> {
    const jobs = await this.state.claim(this.clock.now(), BATCH_SIZE);
    for (const job of jobs) await this.process(job);
    return jobs.length;
  }

  private async process(job: ClaimedJob): Promise<void> {
    const integration = await this.state.findIntegration(job.integrationId);
    // Disconnected: the grant is gone and so is our claim on that calendar; a new
    // connection starts with a full resync.
    if (!integration || integration.status === 'NOT_CONNECTED') return this.state.finish(job);
    const provider = this.registry.get(integration.provider.toLowerCase() as CalendarProviderId);
    if (integration.status !== 'CONNECTED' || !integration.calendarId || !integration.syncEnabled || !provider) {
      return this.state.park(job, integration.status === 'NEEDS_RECONNECT' ? 'AUTH_REVOKED' : null);
    }
    const target = { integrationId: job.integrationId, userId: integration.userId, provider, calendarId: integration.calendarId };
    const intervention = await this.state.findIntervention(job.interventionId);
    const wanted = intervention && intervention.status !== 'CANCELLED' && intervention.technicianId === integration.userId;
    const operation: SyncOperation = wanted ? 'upsert' : 'delete';
    try {
      if (wanted) await this.upsert(target, intervention);
      else await this.remove(target, job.interventionId);
      await this.state.finish(job);
      await this.integrations.clearResolvedSyncFailure(job.integrationId);
    } catch (error) {
      await this.fail(job, operation, error);
    }
  }

  private async upsert(target: Target, intervention: InterventionForSync): Promise<void> {
    const key = { integrationId: target.integrationId, interventionId: intervention.id };
    const sync = await this.state.findSync(target.integrationId, intervention.id);
    // The person chose another calendar since: the old event goes, the new one is written fresh.
    if (sync?.calendarId && sync.calendarId !== target.calendarId) {
      await this.deleteAt(target, sync.calendarId, intervention.id, sync.externalId ? { externalId: sync.externalId } : undefined).catch(
        // The old calendar itself may be gone (deleted, or another account's): nothing to remove.
        (error: unknown) => {
          if (!(error instanceof ProviderError && error.code === 'NOT_FOUND')) throw error;
        },
      );
    }
    const known = sync?.externalId && sync.calendarId === target.calendarId ? { externalId: sync.externalId, ...(sync.etag ? { etag: sync.etag } : {}) } : undefined;
    const event = toCalendarEventInput(target.integrationId, intervention);
    const ref = await this.access.run(target.userId, target.provider, (context) =>
      target.provider.upsertEvent(context, target.calendarId, event, known),
    );
    await this.state.recordSynced(key, {
      calendarId: target.calendarId,
      externalId: ref.externalId,
      etag: ref.etag ?? null,
      syncedVersion: intervention.version,
      syncedAt: this.clock.now(),
    });
  }

  /**
   * Always asks the provider, even with no sync row: a crash after the provider's write
   * and before ours leaves an event we do not know of, and the sync key still finds it.
   */
  private async remove(target: Target, interventionId: string): Promise<void> {
    const sync = await this.state.findSync(target.integrationId, interventionId);
    const known = sync?.externalId ? { externalId: sync.externalId, ...(sync.etag ? { etag: sync.etag } : {}) } : undefined;
    await this.deleteAt(target, sync?.calendarId ?? target.calendarId, interventionId, known);
    await this.state.forgetSync({ integrationId: target.integrationId, interventionId });
  }

  private deleteAt(target: Target, calendarId: string, interventionId: string, known?: { externalId: string; etag?: string }): Promise<void> {
    const syncKey = syncKeyFor(target.integrationId, interventionId);
    return this.access.run(target.userId, target.provider, (context) =>
      target.provider.deleteEvent(context, calendarId, { syncKey, ...(known ? { known } : {}) }),
    );
  }

  private async fail(job: ClaimedJob, operation: SyncOperation, error: unknown): Promise<void> {
    // Anything not a ProviderError (a network reset, a database hiccup) is retried as transient.
    const providerError = error instanceof ProviderError ? error : undefined;
    const code = providerError?.code ?? 'TRANSIENT';
    const key = { integrationId: job.integrationId, interventionId: job.interventionId };
    if (!providerError) this.logger.warn(`sync job ${job.id} failed unexpectedly: ${(error as Error)?.message ?? 'unknown'}`);
    const action = syncActionFor({
      code,
      operation,
      attempts: job.attempts + 1,
      ...(providerError?.retryAfterMs !== undefined ? { retryAfterMs: providerError.retryAfterMs } : {}),
      random: Math.random(),
    });
    const now = this.clock.now().getTime();
    switch (action.kind) {
      case 'retry':
        await this.state.recordProblem(key, 'PENDING', code);
        return this.state.reschedule(job, new Date(now + action.delayMs), code);
      case 'recreate':
        await this.state.recordProblem(key, 'PENDING', code, true);
        return this.state.reschedule(job, new Date(now), code);
      case 'park':
        // IntegrationAccess already marked the integration NEEDS_RECONNECT and told the person.
        await this.state.recordProblem(key, 'PENDING', code);
        return this.state.parkAll(job.integrationId);
      case 'done':
        await this.state.forgetSync(key);
        return this.state.finish(job);
      case 'give-up':
        this.logger.warn(`sync job ${job.id} gave up: ${action.code}`);
        await this.state.recordProblem(key, 'FAILED', action.code);
        // Told to the person on the card; retried when the intervention changes or on "retry".
        await this.integrations.recordSyncFailure(job.integrationId, action.code);
        return this.state.finish(job);
    }
  }
}
