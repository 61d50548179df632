// Database access for org-wide connections (table organisation_connections), one row per
// provider. The only place that seals or opens an organisation's secret (a Google service
// account key) through the TokenVault; every read for display uses CONNECTION_SELECT, which
// has no secret column.
import { Injectable } from '@nestjs/common';
import type { IntegrationErrorCode, OrganisationProviderId } from '@fs/contracts';
import { PrismaService } from '../../database/prisma.service';
import type { Prisma } from '../../generated/prisma/client';
import { TokenVault } from '../oauth/token-vault';
import type { OrganisationCredentials } from '../providers/calendar-provider';

const CONNECTION_SELECT = {
  provider: true,
  status: true,
  tenant: true,
  coverAll: true,
  coveredUserIds: true,
  calendarName: true,
  unreachable: true,
  lastError: true,
  connectedAt: true,
} as const satisfies Prisma.OrganisationConnectionSelect;

export type OrganisationConnectionRow = Prisma.OrganisationConnectionGetPayload<{ select: typeof CONNECTION_SELECT }>;

/** Why a covered technician is not written: by user id. */
export type Unreachable = Record<string, Extract<IntegrationErrorCode, 'NO_MAILBOX' | 'MAILBOX_NO_ACCESS'>>;

export interface OrganisationSettings {
  coverAll?: boolean;
  coveredUserIds?: string[];
  calendarName?: string | null;
}

@Injectable()
export class OrganisationConnectionRepository {
  constructor(
    private readonly prisma: PrismaService,
    private readonly vault: TokenVault,
  ) {}

  find(provider: OrganisationProviderId): Promise<OrganisationConnectionRow | null> {
    return this.prisma.organisationConnection.findUnique({ where: { provider }, select: CONNECTION_SELECT });
  }

  /** What the provider needs to mint app tokens, opened; undefined unless connected. */
  async credentials(provider: OrganisationProviderId): Promise<OrganisationCredentials | undefined> {
    const row = await this.prisma.organisationConnection.findUnique({ where: { provider }, select: { status: true, tenant: true, secretEncrypted: true } });
    if (row?.status !== 'CONNECTED') return undefined;
    if (row.secretEncrypted) return { kind: 'service-account', key: this.vault.open(row.secretEncrypted) };
    return row.tenant ? { kind: 'tenant', tenant: row.tenant } : undefined;
  }

  /** A working grant: Microsoft's consented tenant, or Google's service account (its key sealed). Settings stay. */
  async saveConnected(provider: OrganisationProviderId, grant: { tenant: string; secret?: string }, now: Date): Promise<void> {
    const data = {
      status: 'CONNECTED' as const,
      tenant: grant.tenant,
      secretEncrypted: grant.secret === undefined ? null : this.vault.seal(grant.secret),
      lastError: null,
      connectedAt: now,
    };
    await this.prisma.organisationConnection.upsert({ where: { provider }, create: { provider, ...data }, update: data, select: { provider: true } });
  }

  /** The provider refused the organisation's grant: the admin must reconnect. The secret is dropped (it is no good). */
  async markNeedsReconnect(provider: OrganisationProviderId, lastError: IntegrationErrorCode): Promise<void> {
    await this.prisma.organisationConnection.updateMany({ where: { provider, status: 'CONNECTED' }, data: { status: 'NEEDS_RECONNECT', lastError } });
  }

  async saveSettings(provider: OrganisationProviderId, settings: OrganisationSettings): Promise<void> {
    await this.prisma.organisationConnection.upsert({ where: { provider }, create: { provider, ...settings }, update: settings, select: { provider: true } });
  }

  async setUnreachable(provider: OrganisationProviderId, unreachable: Unreachable): Promise<void> {
    await this.prisma.organisationConnection.updateMany({ where: { provider }, data: { unreachable } });
  }

  /** Disconnected: nothing of the grant remains; the admin's coverage and calendar choices stay for next time. */
  async forget(provider: OrganisationProviderId): Promise<void> {
    await this.prisma.organisationConnection.updateMany({
      where: { provider },
      data: { status: 'NOT_CONNECTED', tenant: null, secretEncrypted: null, unreachable: {}, lastError: null, connectedAt: null },
    });
  }
}
