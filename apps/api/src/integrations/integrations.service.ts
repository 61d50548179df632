// The rules of connecting a calendar: list a person's integrations, start a consent
// (single-use state + PKCE), finish it on the callback, disconnect, list the account's
// calendars and save the person's choices. Everything is per user: a person only ever
// reaches their own rows (the user id comes from the token, or from the state).
import { Injectable, Logger } from '@nestjs/common';
import {
  CALENDAR_PROVIDERS,
  OAUTH_PROVIDERS,
  type CalendarProviderId,
  type Integration,
  type IntegrationErrorCode,
  type ProviderCalendar,
  type SyncMode,
  type User,
} from '@fs/contracts';
import { ApiException, invalidField } from '../common/api-error';
import { AppConfig } from '../config/app-config';
import { Clock } from '../common/clock';
import { DisconnectionService } from './disconnection.service';
import { GrantCheck } from './grant-check.service';
import { IntegrationAccess } from './integration-access.service';
import { IntegrationRepository, toSyncMode, type IntegrationRow } from './integration.repository';
import { OAuthStateService } from './oauth/oauth-state.service';
import type { CalendarProvider, TokenContext } from './providers/calendar-provider';
import { providerErrorToApiException } from './providers/error-status';
import { ProviderError } from './providers/provider-error';
import { ProviderRegistry } from './providers/provider-registry';
import { CalendarSyncService } from './sync/calendar-sync.service';
import { SyncStatusReader } from './sync/sync-status.reader';
import { TokensUnreadable, tokensUnreadableToApiException } from './unreadable-tokens';
import { BusyBlockRepository } from './availability/busy-block.repository';
import { WatchChannelRepository } from './push/watch-channel.repository';

type Settings = { calendarId?: string; syncEnabled?: boolean; syncMode?: SyncMode; shareAvailability?: boolean; availabilityCalendarIds?: string[] };
type Refreshes = Awaited<ReturnType<BusyBlockRepository['refreshesOf']>>;

/** The company's org-wide connection holds this row: the person cannot connect, disconnect or retarget it. */
const managedByOrganisation = (row: IntegrationRow | null | undefined) => row?.kind === 'ORGANISATION' && row.status !== 'NOT_CONNECTED';

const NO_HEALTH = { lastSyncedAt: null, pendingCount: 0, failedCount: 0, progress: null, pushChannel: null, availabilityPush: null } as const;

export interface CallbackQuery {
  code?: string;
  state?: string;
  error?: string;
}

@Injectable()
export class IntegrationsService {
  private readonly logger = new Logger(IntegrationsService.name);

  constructor(
    private readonly integrations: IntegrationRepository,
    private readonly access: IntegrationAccess,
    private readonly states: OAuthStateService,
    private readonly registry: ProviderRegistry,
    private readonly config: AppConfig,
    private readonly clock: Clock,
    private readonly calendarSync: CalendarSyncService,
    private readonly busyBlocks: BusyBlockRepository,
    private readonly syncStatus: SyncStatusReader,
    private readonly disconnection: DisconnectionService,
    private readonly grants: GrantCheck,
    private readonly watches: WatchChannelRepository,
  ) {}

  async list(user: User): Promise<Integration[]> {
    let rows = await this.integrations.listForUser(user.id);
    const connected = rows.filter((row) => row.status === 'CONNECTED').map((row) => row.provider);
    // A grant revoked at the provider shows as "Reconnect" now, not at the next sync.
    if (await this.grants.checkDue(user.id, connected)) rows = await this.integrations.listForUser(user.id);
    const refreshes = await this.busyBlocks.refreshesOf(user.id);
    return Promise.all(
      CALENDAR_PROVIDERS.map((provider) => this.toIntegration(provider, rows.find((row) => row.provider === provider), refreshes)),
    );
  }

  async authorizationUrl(user: User, providerId: CalendarProviderId): Promise<{ url: string }> {
    if (!(OAUTH_PROVIDERS as readonly string[]).includes(providerId)) {
      throw invalidField('provider', 'connects with a password: POST /integrations/caldav/connect');
    }
    const provider = this.provider(providerId);
    await this.notManaged(user, providerId);
    const { state, codeChallenge } = await this.states.create(user.id, providerId);
    return { url: provider.authorizationUrl({ state, codeChallenge, loginHint: user.email }) };
  }

  /** Never throws: the browser always lands back on the PWA's settings page with a result. */
  async completeAuthorization(providerId: CalendarProviderId, query: CallbackQuery): Promise<string> {
    const result = await this.tryComplete(providerId, query).catch((error: unknown) => {
      const code: IntegrationErrorCode = error instanceof ProviderError ? error.code : 'PERMANENT';
      this.logger.warn(`${providerId} consent failed: ${error instanceof Error ? error.message : 'unknown'}`);
      return code;
    });
    const url = new URL('/settings', this.config.env.PWA_URL);
    url.searchParams.set('integration', providerId);
    url.searchParams.set('result', result === 'connected' ? 'connected' : 'error');
    if (result !== 'connected') url.searchParams.set('reason', result);
    return url.toString();
  }

  /** Null when disconnected at once; the integration (DISCONNECTING, with progress) while our events are being removed. */
  async disconnect(user: User, providerId: CalendarProviderId, removeEvents: boolean): Promise<Integration | null> {
    await this.notManaged(user, providerId);
    // Sharing ends with the connection: nothing of the busy times is kept, even while events are removed.
    await this.busyBlocks.forget(user.id, providerId);
    await this.watches.retireBusyOf(user.id, providerId, this.clock.now());
    const outcome = await this.disconnection.disconnect(user.id, providerId, removeEvents);
    return outcome === 'removing'
      ? this.toIntegration(providerId, await this.integrations.find(user.id, providerId), await this.busyBlocks.refreshesOf(user.id))
      : null;
  }

  async calendars(user: User, providerId: CalendarProviderId): Promise<ProviderCalendar[]> {
    const provider = this.provider(providerId);
    await this.connected(user, providerId);
    return this.callProvider(user, provider, (context) => provider.listCalendars(context));
  }

  async saveSettings(user: User, providerId: CalendarProviderId, settings: Settings): Promise<Integration> {
    if (settings.calendarId !== undefined || settings.syncEnabled !== undefined) await this.notManaged(user, providerId);
    let calendarName: string | undefined;
    const needsCalendars = settings.calendarId !== undefined || (settings.availabilityCalendarIds?.length ?? 0) > 0;
    const calendars = needsCalendars ? await this.calendars(user, providerId) : [];
    if (!needsCalendars) await this.connected(user, providerId);
    if (settings.calendarId !== undefined) {
      const chosen = calendars.find((c) => c.id === settings.calendarId);
      if (!chosen?.canWrite) throw invalidField('calendarId', 'must be one of the account’s writable calendars');
      calendarName = chosen.name;
    }
    if (settings.syncMode === 'two-way' && !this.provider(providerId).twoWay) {
      throw invalidField('syncMode', 'two-way sync is not available for this provider yet: push only');
    }
    if (settings.availabilityCalendarIds) this.checkAvailabilityCalendars(providerId, calendars, settings.availabilityCalendarIds);
    await this.integrations.saveSettings(user.id, providerId, {
      ...settings,
      ...(calendarName !== undefined ? { calendarName } : {}),
    });
    // A calendar chosen or sync switched back on: bring that calendar up to date.
    if (settings.calendarId !== undefined || settings.syncEnabled === true) await this.calendarSync.enqueueAllFor(user.id, providerId);
    else if (settings.syncMode !== undefined) await this.calendarSync.onSyncModeChanged(user.id, providerId);
    // Sharing off: nothing of the busy times is kept. Otherwise what counts may have changed: read again soon.
    // Its busy watches go too: the provider stops notifying us about that calendar.
    if (settings.shareAvailability === false) {
      await this.busyBlocks.forget(user.id, providerId);
      await this.watches.retireBusyOf(user.id, providerId, this.clock.now());
    } else await this.busyBlocks.refreshSoon(user.id, providerId, this.clock.now());
    // Read again: the answer carries the sync run just started ("0 of 40 sent"), not "synced".
    return this.toIntegration(providerId, await this.integrations.find(user.id, providerId), await this.busyBlocks.refreshesOf(user.id));
  }

  /** Calendars of this account; for a provider whose free/busy reads the default calendar only, that one. */
  private checkAvailabilityCalendars(providerId: CalendarProviderId, calendars: ProviderCalendar[], ids: string[]): void {
    const readable = this.provider(providerId).busyCalendars === 'any' ? calendars : calendars.filter((c) => c.primary);
    if (ids.some((id) => !readable.some((c) => c.id === id))) {
      throw invalidField('availabilityCalendarIds', this.provider(providerId).busyCalendars === 'any'
        ? 'must be calendars of the connected account'
        : 'must be the account’s default calendar: its free/busy covers that calendar only');
    }
  }

  /** "Retry failed": every event the worker gave up on is written again. */
  async retryFailed(user: User, providerId: CalendarProviderId): Promise<Integration> {
    await this.connected(user, providerId);
    await this.calendarSync.retryFailed(user.id, providerId);
    return this.toIntegration(providerId, await this.integrations.find(user.id, providerId), await this.busyBlocks.refreshesOf(user.id));
  }

  private async tryComplete(providerId: CalendarProviderId, query: CallbackQuery): Promise<'connected' | IntegrationErrorCode> {
    // Consume first, whatever the outcome, so a state can never be used twice.
    const pending = query.state ? await this.states.consume(query.state, providerId) : undefined;
    if (!pending) return 'STATE_INVALID';
    if (query.error) return query.error === 'access_denied' ? 'ACCESS_DENIED' : 'PERMANENT';
    if (!query.code) return 'PERMANENT';
    const provider = this.registry.get(providerId);
    if (!provider) return 'NOT_CONFIGURED';
    const account = await provider.exchangeCode({ code: query.code, codeVerifier: pending.codeVerifier });
    await this.integrations.saveConnected(pending.userId, providerId, account, this.clock.now());
    await this.busyBlocks.refreshSoon(pending.userId, providerId, this.clock.now());
    // A reconnect resumes what was parked while the grant was revoked.
    await this.calendarSync.enqueueAllFor(pending.userId, providerId);
    return 'connected';
  }

  /** The company's connection writes this calendar: connecting, disconnecting or retargeting it is the admin's. */
  private async notManaged(user: User, providerId: CalendarProviderId): Promise<void> {
    if (managedByOrganisation(await this.integrations.find(user.id, providerId))) {
      throw new ApiException('CONFLICT', `${providerId} is managed by your company's connection: ask your administrator`);
    }
  }

  private provider(providerId: CalendarProviderId): CalendarProvider {
    const provider = this.registry.get(providerId);
    if (!provider) throw new ApiException('PROVIDER_NOT_CONFIGURED', `${providerId} calendars are not configured on this server`);
    return provider;
  }

  private async connected(user: User, providerId: CalendarProviderId): Promise<void> {
    const row = await this.integrations.find(user.id, providerId);
    if (row?.status === 'NEEDS_RECONNECT') throw providerErrorToApiException(new ProviderError('AUTH_REVOKED', 'needs reconnect'));
    if (row?.status !== 'CONNECTED') throw new ApiException('INTEGRATION_NOT_CONNECTED', `${providerId} is not connected`);
  }

  private async callProvider<T>(user: User, provider: CalendarProvider, work: (context: TokenContext) => Promise<T>): Promise<T> {
    try {
      return await this.access.run(user.id, provider, work);
    } catch (error) {
      // The repository already marked the integration and told the admin which key is missing.
      if (error instanceof TokensUnreadable) throw tokensUnreadableToApiException();
      if (!(error instanceof ProviderError)) throw error;
      this.logger.warn(`${provider.id} call failed: ${error.code} (${error.message})`);
      throw providerErrorToApiException(error);
    }
  }

  private async toIntegration(provider: CalendarProviderId, row: IntegrationRow | null | undefined, refreshes: Refreshes): Promise<Integration> {
    const refresh = row?.status === 'CONNECTED' ? refreshes.find((r) => r.integration.provider === provider) : undefined;
    return {
      provider,
      available: this.registry.isAvailable(provider),
      status: row?.status ?? 'NOT_CONNECTED',
      accountEmail: row?.accountEmail ?? null,
      calendarId: row?.calendarId ?? null,
      calendarName: row?.calendarName ?? null,
      syncEnabled: row?.syncEnabled ?? true,
      syncMode: row ? toSyncMode(row.syncMode) : 'push',
      lastError: (row?.lastError as IntegrationErrorCode | null | undefined) ?? null,
      connectedAt: row?.connectedAt?.toISOString() ?? null,
      shareAvailability: row?.shareAvailability ?? true,
      availabilityCalendarIds: row?.availabilityCalendarIds ?? [],
      availabilityRefreshedAt: (row?.shareAvailability && refresh?.refreshedAt?.toISOString()) || null,
      availabilityError: (row?.shareAvailability && (refresh?.lastError as IntegrationErrorCode | null | undefined)) || null,
      health: row ? await this.syncStatus.healthOf(row) : NO_HEALTH,
      managedBy: managedByOrganisation(row) ? 'organisation' : null,
      supersededAccountEmail: managedByOrganisation(row) ? (row?.supersededAccountEmail ?? null) : null,
    };
  }
}
