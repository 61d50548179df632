// Push channels, the scheduled side: creates each watch (the two-way target calendar's, and
// those of the calendars availability reads, when PUBLIC_API_URL is set), renews it before it
// expires (Graph: PATCH; Google: a new channel, then the old one stopped), retries a refused
// one later while the periodic pull / poll goes on, and removes it at the provider when it is
// no longer wanted (two-way or sharing turned off). Runs from the sync worker loop on
// claimed rows (watch-channel.repository.ts), so several API processes never do it twice.
// Provider calls go through IntegrationAccess (the one token owner) and CalendarProvider.
import { randomUUID } from 'node:crypto';
import { Injectable, Logger } from '@nestjs/common';
import { Clock } from '../../common/clock';
import { AppConfig } from '../../config/app-config';
import { IntegrationAccess } from '../integration-access.service';
import type { CalendarProvider, WatchHandle } from '../providers/calendar-provider';
import { ProviderError } from '../providers/provider-error';
import { ProviderRegistry } from '../providers/provider-registry';
import { SyncSource } from '../sync/sync-source';
import { pushUrls } from './push-urls';
import { WatchChannelRepository, type ClaimedWatch } from './watch-channel.repository';
import { hashWatchSecret, newWatchSecret } from './watch-secret';

const BATCH_SIZE = 10;
const HOUR_MS = 3_600_000;
/** Asked-for lifetimes: Google keeps a channel about a week; Graph caps Outlook events at 4230 minutes (a margin below it). */
const LIFETIME_MS = { google: 7 * 24 * HOUR_MS, microsoft: 4200 * 60_000 } as Record<string, number>;
/** A refused watch (no handshake, wrong address) is tried again after this, doubling, at most a day. */
const REFUSED_RETRY_MS = 15 * 60_000;
const REFUSED_RETRY_MAX_MS = 24 * HOUR_MS;
/** The provider said no, as opposed to "not now" (TRANSIENT, RATE_LIMITED). */
const REFUSALS = new Set(['PERMANENT', 'NOT_FOUND', 'ACCESS_DENIED']);

type Integration = NonNullable<Awaited<ReturnType<SyncSource['integration']>>>;

@Injectable()
export class WatchKeeper {
  private readonly logger = new Logger(WatchKeeper.name);
  private running?: Promise<number>;
  private reconciled = false;

  constructor(
    private readonly watches: WatchChannelRepository,
    private readonly source: SyncSource,
    private readonly access: IntegrationAccess,
    private readonly registry: ProviderRegistry,
    private readonly config: AppConfig,
    private readonly clock: Clock,
  ) {}

  /** Handles every due watch once; resolves with how many it handled. Never overlaps itself. */
  runOnce(): Promise<number> {
    this.running ??= this.batch().finally(() => (this.running = undefined));
    return this.running;
  }

  /** Disconnecting: every watch is stopped with the grant, before the grant is revoked (best effort). */
  async stopNow(integrationId: string): Promise<void> {
    const current = await this.watches.currentOf(integrationId);
    const integration = current.length > 0 ? await this.source.integration(integrationId) : null;
    const provider = integration && this.registry.get(integration.provider);
    if (integration && provider) for (const handle of current) await this.unwatch(integration, provider, handle);
  }

  private async batch(): Promise<number> {
    await this.reconcileOnce();
    const due = await this.watches.claim(this.clock.now(), BATCH_SIZE);
    for (const watch of due) await this.keep(watch);
    return due.length;
  }

  /** Once per process: follow PUBLIC_API_URL being set or unset since the last start. */
  private async reconcileOnce(): Promise<void> {
    if (this.reconciled) return;
    this.reconciled = true;
    if (pushUrls(this.config.env)) await this.watches.adoptPulls(this.clock.now());
    else await this.watches.retireAll(this.clock.now());
  }

  private async keep(watch: ClaimedWatch): Promise<void> {
    const integration = await this.source.integration(watch.integrationId);
    const provider = integration && this.registry.get(integration.provider);
    if (watch.state === 'stopping' || !pushUrls(this.config.env)) return this.stop(watch, integration, provider);
    // Sharing off (e.g. a read that was in flight then re-followed it): nothing will ask for it again.
    if (watch.purpose === 'busy' && integration && !integration.shareAvailability) return this.stop(watch, integration, provider);
    const wanted = integration?.status === 'CONNECTED' && wantedFor(watch, integration);
    // A reconnect pending (or the provider unconfigured): following the sync mode again makes it due.
    if (!wanted || !provider?.watchRenewal) return this.watches.release(watch, new Date(this.clock.now().getTime() + HOUR_MS));
    if (watch.state === 'active' && watch.current && provider.watchRenewal === 'extend') return this.extend(watch, integration, provider, watch.current);
    return this.create(watch, integration, provider);
  }

  /** A new watch; once stored, the one it replaces (renewal by replacement, another calendar) is stopped. */
  private async create(watch: ClaimedWatch, integration: Integration, provider: CalendarProvider): Promise<void> {
    const urls = pushUrls(this.config.env)!;
    const now = this.clock.now();
    const secret = newWatchSecret();
    let handle: WatchHandle;
    try {
      handle = await this.access.run(integration.userId, provider, (context) =>
        provider.watch(context, {
          calendarId: watch.calendarId,
          channelId: randomUUID(),
          address: provider.id === 'microsoft' ? urls.microsoft : urls.google,
          lifecycleAddress: urls.microsoftLifecycle,
          secret,
          expiresAt: new Date(now.getTime() + (LIFETIME_MS[provider.id] ?? HOUR_MS)),
        }),
      );
    } catch (error) {
      return this.fail(watch, error, now);
    }
    const stored = await this.watches.activate(watch, handle, hashWatchSecret(secret), renewAt(now, handle.expiresAt));
    // Not stored (two-way turned off meanwhile): the new watch goes. Stored: the one it replaces goes.
    if (!stored) return this.unwatch(integration, provider, handle);
    if (watch.current && watch.current.channelId !== handle.channelId) await this.unwatch(integration, provider, watch.current);
  }

  private async extend(watch: ClaimedWatch, integration: Integration, provider: CalendarProvider, current: WatchHandle): Promise<void> {
    const now = this.clock.now();
    try {
      const expiresAt = new Date(now.getTime() + (LIFETIME_MS[provider.id] ?? HOUR_MS));
      const handle = await this.access.run(integration.userId, provider, (context) => provider.extendWatch(context, current, expiresAt));
      await this.watches.activate(watch, handle, null, renewAt(now, handle.expiresAt));
    } catch (error) {
      // Gone at the provider (expired, removed): a new one.
      if (error instanceof ProviderError && error.code === 'NOT_FOUND') return this.create({ ...watch, current: null }, integration, provider);
      return this.fail(watch, error, now);
    }
  }

  private async stop(watch: ClaimedWatch, integration: Integration | null, provider: CalendarProvider | null | undefined): Promise<void> {
    if (watch.current && integration && provider && integration.status !== 'NOT_CONNECTED') await this.unwatch(integration, provider, watch.current);
    await this.watches.remove(watch);
  }

  /** Best effort: a watch we could not stop expires by itself, and its notifications no longer match a row. */
  private async unwatch(integration: Integration, provider: CalendarProvider, handle: WatchHandle): Promise<void> {
    await this.access.run(integration.userId, provider, (context) => provider.unwatch(context, handle)).catch((error: unknown) => {
      this.logger.warn(`${provider.id} watch not stopped (${error instanceof ProviderError ? error.code : 'unknown'}); it expires by itself`);
    });
  }

  private async fail(watch: ClaimedWatch, error: unknown, now: Date): Promise<void> {
    const code = error instanceof ProviderError ? error.code : 'TRANSIENT';
    const refused = REFUSALS.has(code);
    this.logger.warn(`${watch.purpose} watch of integration ${watch.integrationId} ${refused ? 'refused' : 'failed'}: ${code}; the periodic ${watch.purpose === 'busy' ? 'refresh' : 'pull'} goes on`);
    const backoff = refused
      ? Math.min(REFUSED_RETRY_MAX_MS, REFUSED_RETRY_MS * 2 ** Math.min(watch.attempts, 10))
      : Math.max(Math.min(15 * 60_000, 1_000 * 2 ** Math.min(watch.attempts, 10)), error instanceof ProviderError ? (error.retryAfterMs ?? 0) : 0);
    // A renewal that failed keeps its (still delivering) watch: only a creation is "refused".
    await this.watches.fail(watch, code, new Date(now.getTime() + backoff), refused && watch.state !== 'active');
  }
}

/**
 * Whether the integration still wants this watch: the pull watch while two-way is on for that
 * calendar; a busy watch while availability is shared (which calendars count is the
 * BusyRefresher's to follow, after each read).
 */
function wantedFor(watch: ClaimedWatch, integration: Integration): boolean {
  if (watch.purpose === 'busy') return integration.shareAvailability;
  return integration.syncMode === 'two_way' && integration.calendarId === watch.calendarId;
}

/** Renewed once three quarters of its lifetime are gone: a day and more ahead for Google, half a day for Graph. */
function renewAt(now: Date, expiresAt: Date): Date {
  return new Date(now.getTime() + Math.max(0, expiresAt.getTime() - now.getTime()) * 0.75);
}
