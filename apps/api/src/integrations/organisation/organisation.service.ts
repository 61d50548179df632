// The admin's side of org-wide connections: what is connected, connect (Microsoft's admin
// consent and its callback; Google's service-account key), disconnect, the coverage and target
// calendar settings, and which technicians the connection reaches. Admins only (the
// controller checks the role; the callback checks that the state belongs to an admin).
import { Injectable, Logger } from '@nestjs/common';
import {
  ORGANISATION_PROVIDERS,
  integrationErrorCodeSchema,
  type IntegrationErrorCode,
  type OrganisationConnection,
  type OrganisationMemberState,
  type OrganisationProviderId,
  type OrganisationTechnician,
} from '@fs/contracts';
import { ApiException, invalidField } from '../../common/api-error';
import { Clock } from '../../common/clock';
import { AppConfig } from '../../config/app-config';
import { UsersRepository } from '../../users/users.repository';
import { IntegrationAccess } from '../integration-access.service';
import { IntegrationRepository } from '../integration.repository';
import { OAuthStateService } from '../oauth/oauth-state.service';
import type { CalendarProvider } from '../providers/calendar-provider';
import { providerErrorToApiException } from '../providers/error-status';
import { ProviderError } from '../providers/provider-error';
import { ProviderRegistry } from '../providers/provider-registry';
import { OrganisationConnectionRepository, type OrganisationConnectionRow, type OrganisationSettings } from './organisation-connection.repository';
import { OrganisationProvisioner } from './organisation-provisioner';

export interface AdminConsentQuery {
  admin_consent?: string;
  tenant?: string;
  state?: string;
  error?: string;
}

const code = (value: unknown): IntegrationErrorCode | null => integrationErrorCodeSchema.safeParse(value).data ?? null;

@Injectable()
export class OrganisationService {
  private readonly logger = new Logger(OrganisationService.name);

  constructor(
    private readonly connections: OrganisationConnectionRepository,
    private readonly integrations: IntegrationRepository,
    private readonly provisioner: OrganisationProvisioner,
    private readonly access: IntegrationAccess,
    private readonly states: OAuthStateService,
    private readonly registry: ProviderRegistry,
    private readonly users: UsersRepository,
    private readonly config: AppConfig,
    private readonly clock: Clock,
  ) {}

  async list(): Promise<OrganisationConnection[]> {
    return Promise.all(ORGANISATION_PROVIDERS.map(async (provider) => this.toConnection(provider, await this.connections.find(provider))));
  }

  async consentUrl(adminId: string, providerId: OrganisationProviderId): Promise<{ url: string }> {
    const consent = this.provider(providerId).organisation?.adminConsentUrl;
    if (!consent) throw invalidField('provider', 'connects with a service account key: POST /admin/organisation-connections/google');
    const { state } = await this.states.create(adminId, providerId);
    return { url: consent(state) };
  }

  /** Never throws: the admin's browser always lands back on the PWA's admin page with a result. */
  async completeConsent(query: AdminConsentQuery): Promise<string> {
    const result = await this.tryConsent(query).catch((error: unknown) => {
      this.logger.warn(`microsoft admin consent failed: ${error instanceof Error ? error.message : 'unknown'}`);
      return error instanceof ProviderError ? error.code : ('PERMANENT' as const);
    });
    const url = new URL('/admin', this.config.env.PWA_URL);
    url.searchParams.set('organisation', 'microsoft');
    url.searchParams.set('result', result === 'connected' ? 'connected' : 'error');
    if (result !== 'connected') url.searchParams.set('reason', result);
    return url.toString();
  }

  /**
   * Google Workspace: the admin uploads the service account's JSON key. It is checked (a token
   * minted for a technician's address, else the admin's: a bad signature or a delegation that
   * does not cover our scopes is refused at once),
   * sealed, and never returned or logged; then every covered technician is provisioned.
   */
  async connectServiceAccount(admin: { email: string }, serviceAccountKey: string): Promise<OrganisationConnection> {
    const provider = this.provider('google');
    const credentials = { kind: 'service-account' as const, key: serviceAccountKey };
    let clientEmail: string;
    try {
      clientEmail = provider.organisation!.describeCredentials!(credentials);
    } catch {
      throw invalidField('serviceAccountKey', 'must be a service account JSON key (type, client_email, private_key)');
    }
    try {
      const probe = (await this.users.listTechnicians())[0]?.email ?? admin.email;
      await this.access.verifyOrganisation(provider, credentials, probe);
    } catch (error) {
      // That address may be outside the Workspace: the key itself worked.
      if (!(error instanceof ProviderError) || error.code !== 'NOT_FOUND') {
        if (error instanceof ProviderError && error.code === 'AUTH_REVOKED') {
          throw invalidField('serviceAccountKey', 'was refused by Google: check the key is live and domain-wide delegation grants the calendar scopes');
        }
        throw error instanceof ProviderError ? providerErrorToApiException(error) : error;
      }
    }
    await this.connections.saveConnected('google', { tenant: clientEmail, secret: serviceAccountKey }, this.clock.now());
    await this.provisionOrFail(provider);
    return this.toConnection('google', await this.connections.find('google'));
  }

  /** Provisions again (after a policy change at the provider, or a new technician). */
  async refresh(providerId: OrganisationProviderId): Promise<OrganisationConnection> {
    await this.provisionOrFail(this.provider(providerId));
    return this.toConnection(providerId, await this.connections.find(providerId));
  }

  async disconnect(providerId: OrganisationProviderId): Promise<void> {
    await this.provisioner.releaseAll(providerId);
    await this.connections.forget(providerId);
  }

  async saveSettings(providerId: OrganisationProviderId, settings: { coverAll?: boolean; userIds?: string[]; calendarName?: string | null }): Promise<OrganisationConnection> {
    const { userIds, ...rest } = settings;
    const next: OrganisationSettings = { ...rest, ...(userIds ? { coveredUserIds: [...new Set(userIds)] } : {}) };
    await this.connections.saveSettings(providerId, next);
    await this.provisionOrFail(this.provider(providerId));
    return this.toConnection(providerId, await this.connections.find(providerId));
  }

  async technicians(providerId: OrganisationProviderId): Promise<OrganisationTechnician[]> {
    const [connection, technicians, rows] = await Promise.all([
      this.connections.find(providerId),
      this.users.listTechnicians(),
      this.integrations.organisationRows(providerId),
    ]);
    const unreachable = (connection?.unreachable ?? {}) as Record<string, string>;
    return technicians.map((technician) => {
      const row = rows.find((r) => r.userId === technician.id);
      const covered = !!connection && (connection.coverAll || connection.coveredUserIds.includes(technician.id));
      const state: OrganisationMemberState = !covered ? 'NOT_COVERED'
        : unreachable[technician.id] === 'NO_MAILBOX' ? 'NO_MAILBOX'
        : unreachable[technician.id] === 'MAILBOX_NO_ACCESS' ? 'NO_ACCESS'
        : row?.status === 'CONNECTED' ? 'SYNCED'
        : 'PAUSED';
      return { userId: technician.id, name: technician.name, email: technician.email, state, calendarName: row?.calendarName ?? null, supersededAccountEmail: row?.supersededAccountEmail ?? null };
    });
  }

  private async tryConsent(query: AdminConsentQuery): Promise<'connected' | IntegrationErrorCode> {
    const pending = query.state ? await this.states.consume(query.state, 'microsoft') : undefined;
    if (!pending) return 'STATE_INVALID';
    // Only an admin's state connects the company (a person's own consent state is refused here).
    if ((await this.users.findById(pending.userId))?.role !== 'ADMIN') return 'STATE_INVALID';
    if (query.error) return query.error === 'access_denied' ? 'ACCESS_DENIED' : 'PERMANENT';
    if (query.admin_consent !== 'True' || !query.tenant) return 'PERMANENT';
    const provider = this.provider('microsoft');
    // The callback's parameters are not signed: a token minted for that tenant is the proof of consent.
    const credentials = { kind: 'tenant' as const, tenant: query.tenant };
    await this.access.verifyOrganisation(provider, credentials, '');
    await this.connections.saveConnected('microsoft', { tenant: query.tenant }, this.clock.now());
    await this.provisioner.provision(provider);
    return 'connected';
  }

  private async provisionOrFail(provider: CalendarProvider): Promise<void> {
    try {
      await this.provisioner.provision(provider);
    } catch (error) {
      if (error instanceof ProviderError) throw providerErrorToApiException(error);
      throw error;
    }
  }

  private provider(providerId: OrganisationProviderId): CalendarProvider {
    const provider = this.registry.get(providerId);
    if (!provider?.organisation) throw new ApiException('PROVIDER_NOT_CONFIGURED', `${providerId} org-wide access is not configured on this server`);
    return provider;
  }

  private toConnection(provider: OrganisationProviderId, row: OrganisationConnectionRow | null): OrganisationConnection {
    return {
      provider,
      available: !!this.registry.get(provider)?.organisation,
      status: row?.status ?? 'NOT_CONNECTED',
      tenant: row?.tenant ?? null,
      coverAll: row?.coverAll ?? true,
      coveredUserIds: row?.coveredUserIds ?? [],
      calendarName: row?.calendarName ?? null,
      lastError: code(row?.lastError),
      connectedAt: row?.connectedAt?.toISOString() ?? null,
    };
  }
}
