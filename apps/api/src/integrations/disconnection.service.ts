// Disconnecting a calendar, in the order a person expects: first remove the events we wrote
// (when asked, the default), then revoke the grant and forget the tokens. The removal goes
// through the outbox like every other provider write, so a slow or failing provider delays
// the revoke instead of skipping the removal: the worker calls completeIfRemoved after each
// job, and the last one (removed, or given up on after the retry policy) completes it.
import { Injectable, Logger } from '@nestjs/common';
import type { CalendarProviderId } from '@fs/contracts';
import { IntegrationRepository } from './integration.repository';
import { ProviderError } from './providers/provider-error';
import { ProviderRegistry } from './providers/provider-registry';
import { WatchKeeper } from './push/watch-keeper';
import { CalendarSyncService } from './sync/calendar-sync.service';
import { SyncSource } from './sync/sync-source';
import { TokensUnreadable } from './unreadable-tokens';

export type DisconnectOutcome = 'disconnected' | 'removing';

@Injectable()
export class DisconnectionService {
  private readonly logger = new Logger(DisconnectionService.name);

  constructor(
    private readonly integrations: IntegrationRepository,
    private readonly registry: ProviderRegistry,
    private readonly calendarSync: CalendarSyncService,
    private readonly source: SyncSource,
    private readonly watches: WatchKeeper,
  ) {}

  async disconnect(userId: string, providerId: CalendarProviderId, removeEvents: boolean): Promise<DisconnectOutcome> {
    const row = await this.integrations.find(userId, providerId);
    // Removing needs a working grant and a provider; without them only forgetting is possible.
    const canRemove = removeEvents && this.registry.get(providerId) && (row?.status === 'CONNECTED' || row?.status === 'DISCONNECTING');
    if (canRemove && (await this.calendarSync.queueRemoval(userId, providerId)) > 0) return 'removing';
    await this.complete(userId, providerId);
    return 'disconnected';
  }

  /** Called by the sync worker after each job: the last removal job completes the disconnect. */
  async completeIfRemoved(integrationId: string): Promise<void> {
    const integration = await this.source.integration(integrationId);
    if (integration?.status !== 'DISCONNECTING') return;
    if ((await this.calendarSync.jobsLeft(integrationId)) > 0) return;
    await this.complete(integration.userId, integration.provider as CalendarProviderId);
  }

  /** The grant died during the removal: nothing more can be removed, so the disconnect completes now. */
  async completeWithoutGrant(integrationId: string): Promise<void> {
    const integration = await this.source.integration(integrationId);
    if (integration) await this.complete(integration.userId, integration.provider as CalendarProviderId);
  }

  /** Revoke (best effort), forget the tokens, drop what we tracked. */
  private async complete(userId: string, providerId: CalendarProviderId): Promise<void> {
    const provider = this.registry.get(providerId);
    // Unreadable tokens cannot be revoked at the provider; forgetting them is all we can do.
    const tokens = await this.integrations.findTokens(userId, providerId).catch((error: unknown) => {
      if (error instanceof TokensUnreadable) return undefined;
      throw error;
    });
    if (provider && tokens) {
      // The push channel needs the grant to be stopped: before the revoke (best effort).
      const integration = await this.integrations.find(userId, providerId);
      if (integration) await this.watches.stopNow(integration.id);
      // Best effort: our side forgets the grant whatever the provider answers.
      await provider.revoke(tokens).catch((error: unknown) => {
        this.logger.warn(`${providerId} revoke failed (${error instanceof ProviderError ? error.code : 'unknown'}); tokens forgotten anyway`);
      });
    }
    await this.integrations.forget(userId, providerId);
    await this.calendarSync.onDisconnected(userId, providerId);
  }
}
