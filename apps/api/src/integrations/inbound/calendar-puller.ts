// Two-way sync, the pull: reads what changed in the target calendar of each due two-way
// integration (CalendarProvider.listChanges from the stored cursor), classifies each event
// with the pure inbound planner, and in ONE transaction records the calendar changes
// (through the InboundCalendarChanges port), queues the restores, and moves the cursor past
// them: a crash before the commit replays the same changes, which the fingerprints make
// no-ops. A cursor the provider refuses (410) means a full listing, diffed against what we
// wrote. Runs from the sync worker loop; pull rows are claimed, so two workers never pull
// one calendar at once.
import { Injectable, Logger } from '@nestjs/common';
import { Clock } from '../../common/clock';
import { AppConfig } from '../../config/app-config';
import { IntegrationAccess } from '../integration-access.service';
import type { CalendarChanges, CalendarProvider, ChangeWindow, ObservedEvent } from '../providers/calendar-provider';
import { ProviderError, SyncCursorExpired } from '../providers/provider-error';
import { ProviderRegistry } from '../providers/provider-registry';
import { CalendarSyncService } from '../sync/calendar-sync.service';
import { InterventionSyncRepository } from '../sync/intervention-sync.repository';
import { SyncJobRepository, type Db } from '../sync/sync-job.repository';
import { SyncSource } from '../sync/sync-source';
import { CalendarPullRepository, type ClaimedPull } from './calendar-pull.repository';
import { InboundCalendarChanges } from './inbound-calendar-changes';
import { inboundFingerprint, planInbound } from './inbound-planner';

const BATCH_SIZE = 10;
/** How far ahead a full listing looks (Graph's delta needs a window; Google's token keeps it). */
const WINDOW_AHEAD_DAYS = 400;
const DAY_MS = 86_400_000;

type Written = Awaited<ReturnType<InterventionSyncRepository['writtenIn']>>[number];
type Target = { integrationId: string; userId: string; provider: CalendarProvider; calendarId: string };

@Injectable()
export class CalendarPuller {
  private readonly logger = new Logger(CalendarPuller.name);
  private running?: Promise<number>;

  constructor(
    private readonly pulls: CalendarPullRepository,
    private readonly records: InterventionSyncRepository,
    private readonly jobs: SyncJobRepository,
    private readonly source: SyncSource,
    private readonly calendarSync: CalendarSyncService,
    private readonly access: IntegrationAccess,
    private readonly registry: ProviderRegistry,
    private readonly inbound: InboundCalendarChanges,
    private readonly config: AppConfig,
    private readonly clock: Clock,
  ) {}

  /** Pulls every due two-way calendar once; resolves with how many it pulled. Never overlaps itself. */
  runOnce(): Promise<number> {
    this.running ??= this.batch().finally(() => (this.running = undefined));
    return this.running;
  }

  private async batch(): Promise<number> {
    const due = await this.pulls.claim(this.clock.now(), BATCH_SIZE);
    for (const pull of due) await this.pull(pull);
    return due.length;
  }

  private get intervalMs(): number {
    return this.config.env.SYNC_PULL_INTERVAL_MS;
  }

  /** Pulls one claimed calendar. Exposed for tests that replay a pull from an old cursor. */
  async pull(pull: ClaimedPull): Promise<void> {
    const now = this.clock.now();
    const integration = await this.source.integration(pull.integrationId);
    const provider = integration && this.registry.get(integration.provider);
    const pulling = integration?.status === 'CONNECTED' && integration.syncMode === 'two_way' && integration.calendarId === pull.calendarId;
    // Not pullable now (a reconnect pending, the provider unconfigured): looked at again later.
    if (!pulling || !provider) return this.pulls.release(pull, new Date(now.getTime() + this.intervalMs));
    const target = { integrationId: pull.integrationId, userId: integration.userId, provider, calendarId: pull.calendarId };
    const window: ChangeWindow = {
      from: new Date(now.getTime() - this.config.env.SYNC_WINDOW_PAST_DAYS * DAY_MS),
      to: new Date(now.getTime() + WINDOW_AHEAD_DAYS * DAY_MS),
    };
    let changes: CalendarChanges;
    try {
      changes = await this.listChanges(target, pull.cursor, window);
    } catch (error) {
      return this.fail(pull, error, now);
    }
    const recorded = await this.pulls.transaction(async (tx) => {
      const ids = await this.apply(tx, target, changes, window, now);
      await this.pulls.complete(tx, pull, changes.cursor, now, new Date(now.getTime() + this.intervalMs));
      return ids;
    });
    if (recorded.length > 0) await this.inbound.get().settle(recorded);
  }

  private async listChanges(target: Target, cursor: string | null, window: ChangeWindow): Promise<CalendarChanges> {
    const list = (from: string | null) =>
      this.access.run(target.userId, target.provider, (context) => target.provider.listChanges(context, target.calendarId, from, window));
    try {
      return await list(cursor);
    } catch (error) {
      if (!(error instanceof SyncCursorExpired)) throw error;
      this.logger.log(`integration ${target.integrationId}: cursor refused, full listing`);
      return { ...(await list(null)), full: true };
    }
  }

  /** Classifies what the pull saw and records it; resolves with the ids of the new calendar changes. */
  private async apply(tx: Db, target: Target, changes: CalendarChanges, window: ChangeWindow, now: Date): Promise<string[]> {
    const written = new Map((await this.records.writtenIn(tx, target.integrationId)).filter((r) => r.calendarId === target.calendarId).map((r) => [r.externalId!, r]));
    const events = new Map(changes.events.map((e) => [e.externalId, e])); // the last word on each event
    // A full listing shows every live event of its window: one of ours in the window it does not show is gone.
    if (changes.full) {
      for (const [id, record] of written) if (!events.has(id) && inWindow(record, window)) events.set(id, { externalId: id, removed: true });
    }
    const ours = [...events.values()].filter((e) => written.has(e.externalId));
    if (ours.length === 0) return [];
    const interventionIds = ours.map((e) => written.get(e.externalId)!.interventionId);
    const [interventions, pending] = await Promise.all([
      this.source.interventionsByIds(tx, interventionIds),
      this.jobs.withJobs(tx, target.integrationId, interventionIds),
    ]);
    const byId = new Map(interventions.map((i) => [i.id, i]));
    const recorded: string[] = [];
    for (const event of ours) {
      const id = await this.one(tx, target, event, written.get(event.externalId)!, byId, pending, now);
      if (id) recorded.push(id);
    }
    // Writes refused by If-Match waited for this pull: the edit is now taken note of, they go.
    const refused = interventionIds.filter((id) => pending.get(id)?.editedElsewhere);
    await this.jobs.releaseEdited(tx, target.integrationId, refused, now);
    return recorded;
  }

  private async one(
    tx: Db,
    target: Target,
    event: ObservedEvent,
    record: Written,
    interventions: Map<string, Awaited<ReturnType<SyncSource['interventionsByIds']>>[number]>,
    pending: Map<string, { editedElsewhere: boolean }>,
    now: Date,
  ): Promise<string | undefined> {
    const recorder = this.inbound.get();
    const intervention = interventions.get(record.interventionId) ?? null;
    const key = { integrationId: target.integrationId, interventionId: record.interventionId };
    const fingerprint = inboundFingerprint(event, { externalId: record.externalId!, syncedAt: record.syncedAt });
    const job = pending.get(record.interventionId);
    const plan = planInbound({
      event,
      record: { externalId: record.externalId!, etag: record.etag, syncedStartsAt: record.syncedStartsAt, syncedEndsAt: record.syncedEndsAt },
      intervention,
      userId: target.userId,
      // A write refused by If-Match did not land: what the event shows is the person's.
      writePending: !!job && !job.editedElsewhere,
      alreadyRecorded: await recorder.isRecorded(tx, target.integrationId, fingerprint),
    });
    // The person's edit is seen: our next write's If-Match names the event as it is now.
    if (plan.action !== 'ignore') await this.records.acknowledgeEdit(tx, key, event.removed ? null : (event.etag ?? null));
    if (plan.action === 'restore') await this.calendarSync.restoreEvent(tx, target.integrationId, record.interventionId, false);
    if (plan.action !== 'moved' && plan.action !== 'removed') return undefined;
    return recorder.record(tx, {
      integrationId: target.integrationId,
      interventionId: record.interventionId,
      technicianId: target.userId,
      provider: target.provider.id,
      kind: plan.action,
      fingerprint,
      interventionVersion: intervention!.version,
      previousStartsAt: intervention!.startsAt,
      previousEndsAt: intervention!.endsAt,
      proposedStartsAt: plan.action === 'moved' ? plan.startsAt : null,
      proposedEndsAt: plan.action === 'moved' ? plan.endsAt : null,
      seenAt: now,
    });
  }

  private async fail(pull: ClaimedPull, error: unknown, now: Date): Promise<void> {
    const code = error instanceof ProviderError ? error.code : 'TRANSIENT';
    this.logger.warn(`pull of integration ${pull.integrationId} failed: ${code}`);
    // Backoff up to one interval; a provider's Retry-After wins when longer.
    const backoff = Math.min(this.intervalMs, 1_000 * 2 ** Math.min(pull.attempts, 10));
    const wait = Math.max(backoff, error instanceof ProviderError ? (error.retryAfterMs ?? 0) : 0);
    await this.pulls.fail(pull, code, new Date(now.getTime() + wait));
  }
}

function inWindow(record: Written, window: ChangeWindow): boolean {
  return !!record.syncedStartsAt && !!record.syncedEndsAt && record.syncedEndsAt > window.from && record.syncedStartsAt < window.to;
}
