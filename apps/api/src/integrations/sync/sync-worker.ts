// The only code that calls calendar providers for sync. Polls the outbox (sync_jobs),
// claims due jobs, and for each (integration, intervention) makes the calendar match the
// database as it is *now*: sync-planner.ts decides what to do from a snapshot, this runs it.
// Failures go through retry-policy.ts; the outcome is recorded in intervention_syncs.
import { Injectable, Logger, type OnModuleDestroy } from '@nestjs/common';
import { Clock } from '../../common/clock';
import { AppConfig } from '../../config/app-config';
import { DisconnectionService } from '../disconnection.service';
import { IntegrationAccess } from '../integration-access.service';
import { IntegrationRepository } from '../integration.repository';
import type { CalendarProvider, EventRef } from '../providers/calendar-provider';
import { CalendarPullRepository } from '../inbound/calendar-pull.repository';
import { EventEditedElsewhere, ProviderError } from '../providers/provider-error';
import { ProviderRegistry } from '../providers/provider-registry';
import { EventPrivacyRepository, type EventPrivacy } from '../privacy/event-privacy.repository';
import { syncKeyFor, toCalendarEventInput } from './event-input.mapper';
import { syncActionFor, type SyncOperation } from './retry-policy';
import { runInLanes } from './lanes';
import { ProviderPace } from './provider-pace';
import { planSync, type SyncPlan } from './sync-planner';
import { InterventionSyncRepository } from './intervention-sync.repository';
import { SyncJobRepository, type ClaimedJob } from './sync-job.repository';
import { SyncSource, type InterventionForSync } from './sync-source';

const BATCH_SIZE = 20;
/** Jobs in progress in this process at once (each holds a database connection now and then). */
const LANES = 4;
/**
 * Jobs of one account in progress at once in this process: enough to keep its pace busy, and
 * two processes together stay within Graph's 4 concurrent requests per mailbox.
 */
const LANES_PER_ACCOUNT = 2;
/**
 * Two-way: how long an update refused by If-Match waits for the pull that records the
 * person's edit (the pull releases it sooner). After MAX_EDITED_ATTEMPTS such waits (an edit
 * no pull can see, e.g. moved out of the listed window) dispatch's plan is written anyway.
 */
const EDITED_WAIT_MS = 60_000;
const MAX_EDITED_ATTEMPTS = 5;

interface Target {
  integrationId: string;
  userId: string;
  provider: CalendarProvider;
  privacy: EventPrivacy;
  /** Update only at the etag we wrote (two-way sync): never overwrite the person's edit unseen. */
  ifMatch: boolean;
}

type WritePlan = Exclude<SyncPlan, { action: 'finish' | 'park' | 'nothing' }>;

@Injectable()
export class SyncWorker implements OnModuleDestroy {
  private readonly logger = new Logger(SyncWorker.name);
  private running?: Promise<number>;

  constructor(
    private readonly jobs: SyncJobRepository,
    private readonly records: InterventionSyncRepository,
    private readonly source: SyncSource,
    private readonly access: IntegrationAccess,
    private readonly integrations: IntegrationRepository,
    private readonly registry: ProviderRegistry,
    private readonly privacy: EventPrivacyRepository,
    private readonly pace: ProviderPace,
    private readonly disconnection: DisconnectionService,
    private readonly pulls: CalendarPullRepository,
    private readonly config: AppConfig,
    private readonly clock: Clock,
  ) {}

  async onModuleDestroy(): Promise<void> {
    await this.running?.catch(() => undefined);
  }

  /** Processes one batch of due jobs; resolves with how many it handled. Never overlaps itself. */
  runOnce(): Promise<number> {
    this.running ??= this.batch().finally(() => (this.running = undefined));
    return this.running;
  }

  private async batch(): Promise<number> {
    const jobs = await this.jobs.claim(this.clock.now(), BATCH_SIZE);
    // Read once per batch: a change made meanwhile re-enqueues (a new revision), so an event
    // written under the old settings is written again, never left behind.
    const privacy = jobs.length > 0 ? await this.privacy.current() : undefined;
    // A few at once, at most LANES_PER_ACCOUNT of one account: with 50 ms per provider call
    // and the database work around it, one call at a time cannot keep up with a 10/s pace.
    await runInLanes(jobs, { total: LANES, perKey: LANES_PER_ACCOUNT }, (job) => job.integrationId, (job) => this.process(job, privacy!));
    return jobs.length;
  }

  private async process(job: ClaimedJob, privacy: EventPrivacy): Promise<void> {
    const removing = await this.handle(job, privacy);
    // The card's progress ends with the run; the last removal job completes a disconnect.
    await this.integrations.endSyncRunIfDone(job.integrationId);
    if (removing) await this.disconnection.completeIfRemoved(job.integrationId);
  }

  /** Runs one job; resolves with whether it was part of removing our events on a disconnect. */
  private async handle(job: ClaimedJob, privacy: EventPrivacy): Promise<boolean> {
    const integration = await this.source.integration(job.integrationId);
    const removing = integration?.status === 'DISCONNECTING';
    const provider = integration && this.registry.get(integration.provider);
    const [intervention, record] = await Promise.all([
      this.source.intervention(job.interventionId),
      this.records.find(job),
    ]);
    const plan = planSync({
      integration: integration && { ...integration, providerAvailable: !!provider },
      intervention,
      privacyVersion: privacy.version,
      record,
    });
    if (plan.action === 'park') {
      await this.jobs.park(job, plan.reason);
      return removing;
    }
    if (plan.action === 'finish' || plan.action === 'nothing') {
      await this.jobs.finish(job);
      return removing;
    }
    // planSync parks unless the integration is connected, with a calendar, and its provider.
    const ifMatch = integration!.syncMode === 'two_way' && !(job.editedElsewhere && job.attempts >= MAX_EDITED_ATTEMPTS);
    const target = { integrationId: job.integrationId, userId: integration!.userId, provider: provider!, privacy, ifMatch };
    const wait = await this.pace.take(provider!.id, job.integrationId);
    if (wait > 0) {
      await this.jobs.postpone(job, new Date(this.clock.now().getTime() + wait));
      return removing;
    }
    try {
      // Nothing was ever tried for this event: an adapter may create without looking first.
      const firstWrite = plan.action === 'create' && !record && job.attempts === 0;
      await this.execute(target, plan, job.interventionId, intervention, firstWrite);
      await this.jobs.finish(job);
      await this.integrations.clearResolvedSyncFailure(job.integrationId);
      // The provider answers this account: whatever an outage deferred for it can go now.
      await this.jobs.releaseDeferred(job.integrationId, this.clock.now());
    } catch (error) {
      if (error instanceof EventEditedElsewhere) await this.awaitPull(job);
      else await this.fail(job, plan.action === 'delete' ? 'delete' : 'upsert', error, removing);
    }
    return removing;
  }

  /**
   * The person edited (or deleted) the event since our last write. Overwriting it would lose
   * the edit unseen: a full pull records it first (an incremental one may have passed it while
   * this write was pending), then releases this job, which writes at the etag it saw.
   */
  private async awaitPull(job: ClaimedJob): Promise<void> {
    const now = this.clock.now();
    await this.jobs.awaitPull(job, new Date(now.getTime() + EDITED_WAIT_MS));
    await this.pulls.pullSoon(job.integrationId, now, { full: true });
  }

  private async execute(
    target: Target,
    plan: WritePlan,
    interventionId: string,
    intervention: InterventionForSync | null,
    firstWrite: boolean,
  ): Promise<void> {
    if (plan.action === 'delete') {
      await this.deleteAt(target, plan.calendarId, interventionId, plan.known);
      return this.records.forget({ integrationId: target.integrationId, interventionId });
    }
    if (plan.action === 'move') {
      await this.deleteAt(target, plan.from.calendarId, interventionId, plan.from.known).catch(
        // The old calendar itself may be gone (deleted, or another account's): nothing to remove.
        (error: unknown) => {
          if (!(error instanceof ProviderError && error.code === 'NOT_FOUND')) throw error;
        },
      );
    }
    // planSync writes only an intervention that exists and is this person's.
    await this.write(target, plan.calendarId, intervention!, plan.action === 'update' ? plan.known : undefined, firstWrite);
  }

  private async write(target: Target, calendarId: string, intervention: InterventionForSync, known: EventRef | undefined, firstWrite: boolean): Promise<void> {
    const event = toCalendarEventInput(target.integrationId, intervention, target.privacy.settings);
    const ref = await this.access.run(target.userId, target.provider, (context) =>
      target.provider.upsertEvent(context, calendarId, event, known, { firstWrite, ifMatch: target.ifMatch }),
    );
    await this.records.recordSynced(
      { integrationId: target.integrationId, interventionId: intervention.id },
      {
        calendarId,
        externalId: ref.externalId,
        etag: ref.etag ?? null,
        syncedVersion: intervention.version,
        syncedPrivacyVersion: target.privacy.version,
        syncedAt: this.clock.now(),
        syncedStartsAt: intervention.startsAt,
        syncedEndsAt: intervention.endsAt,
      },
    );
  }

  private deleteAt(target: Target, calendarId: string, interventionId: string, known?: EventRef): Promise<void> {
    const syncKey = syncKeyFor(target.integrationId, interventionId);
    return this.access.run(target.userId, target.provider, (context) =>
      target.provider.deleteEvent(context, calendarId, { syncKey, ...(known ? { known } : {}) }),
    );
  }

  private async fail(job: ClaimedJob, operation: SyncOperation, error: unknown, removing: boolean): Promise<void> {
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
        await this.records.recordProblem(key, 'PENDING', code);
        return this.jobs.reschedule(job, new Date(now + action.delayMs), code);
      case 'recreate':
        await this.records.recordProblem(key, 'PENDING', code, true);
        return this.jobs.reschedule(job, new Date(now), code);
      case 'park':
        // The grant died while removing our events on a disconnect: nothing more can be removed.
        if (removing) return this.disconnection.completeWithoutGrant(job.integrationId);
        // IntegrationAccess already marked the integration NEEDS_RECONNECT and told the person.
        await this.records.recordProblem(key, 'PENDING', code);
        return this.jobs.parkAll(job.integrationId);
      case 'done':
        await this.records.forget(key);
        return this.jobs.finish(job);
      case 'give-up':
        this.logger.warn(`sync job ${job.id} gave up: ${action.code}`);
        await this.records.recordProblem(key, 'FAILED', action.code);
        // Told to the person on the card; retried when the intervention changes or on "retry".
        await this.integrations.recordSyncFailure(job.integrationId, action.code);
        return this.jobs.finish(job);
    }
  }
}
