// Database access for calendar integrations (table calendar_integrations), one row per
// user and provider. The only place the API seals or opens tokens (through TokenVault;
// `pnpm tokens:reseal`, oauth/token-reseal.ts, rewrites them offline): every read for
// display uses INTEGRATION_SELECT, which has no token column.
import { Injectable, Logger } from '@nestjs/common';
import type { CalendarProviderId, IntegrationErrorCode } from '@fs/contracts';
import { PrismaService } from '../database/prisma.service';
import type { Prisma } from '../generated/prisma/client';
import type { ConnectedAccount, ProviderTokens } from './providers/calendar-provider';
import { TokenVault, VaultError } from './oauth/token-vault';
import { TokensUnreadable, unreadableTokensLogLine } from './unreadable-tokens';
import { toDbProvider } from './oauth/oauth-state.service';

export const INTEGRATION_SELECT = {
  provider: true,
  status: true,
  accountEmail: true,
  calendarId: true,
  calendarName: true,
  syncEnabled: true,
  lastError: true,
  connectedAt: true,
} as const satisfies Prisma.CalendarIntegrationSelect;

export type IntegrationRow = Prisma.CalendarIntegrationGetPayload<{ select: typeof INTEGRATION_SELECT }>;

const TOKEN_SELECT = {
  id: true,
  accessTokenEncrypted: true,
  refreshTokenEncrypted: true,
  accessTokenExpiresAt: true,
  scopes: true,
} as const satisfies Prisma.CalendarIntegrationSelect;

const NO_TOKENS = { accessTokenEncrypted: null, refreshTokenEncrypted: null, accessTokenExpiresAt: null } as const;

const key = (userId: string, provider: CalendarProviderId) => ({ userId_provider: { userId, provider: toDbProvider(provider) } });

@Injectable()
export class IntegrationRepository {
  private readonly logger = new Logger(IntegrationRepository.name);

  constructor(
    private readonly prisma: PrismaService,
    private readonly vault: TokenVault,
  ) {}

  listForUser(userId: string): Promise<IntegrationRow[]> {
    return this.prisma.calendarIntegration.findMany({ where: { userId }, select: INTEGRATION_SELECT });
  }

  find(userId: string, provider: CalendarProviderId): Promise<IntegrationRow | null> {
    return this.prisma.calendarIntegration.findUnique({ where: key(userId, provider), select: INTEGRATION_SELECT });
  }

  /**
   * The stored tokens, opened; undefined when none (never connected, disconnected, revoked).
   * Tokens the vault cannot open (their key is no longer configured) mark the integration
   * NEEDS_RECONNECT with TOKEN_UNREADABLE, tell the admin in the log, and throw
   * TokensUnreadable: every caller (HTTP or sync worker) gets the same state, never a 500.
   */
  async findTokens(userId: string, provider: CalendarProviderId): Promise<ProviderTokens | undefined> {
    const row = await this.prisma.calendarIntegration.findUnique({ where: key(userId, provider), select: TOKEN_SELECT });
    if (!row?.accessTokenEncrypted || !row.accessTokenExpiresAt) return undefined;
    try {
      return {
        accessToken: this.vault.open(row.accessTokenEncrypted),
        ...(row.refreshTokenEncrypted ? { refreshToken: this.vault.open(row.refreshTokenEncrypted) } : {}),
        expiresAt: row.accessTokenExpiresAt,
        scopes: row.scopes,
      };
    } catch (error) {
      if (!(error instanceof VaultError)) throw error;
      await this.markTokensUnreadable(row.id);
      this.logger.warn(unreadableTokensLogLine(row.id, provider, error));
      throw new TokensUnreadable(row.id, error);
    }
  }

  /**
   * The sealed values stay: unlike a revoked grant, the grant may still be valid at the
   * provider, and the tokens:reseal summary lists these rows with the missing key id. A
   * reconnect overwrites them.
   */
  private async markTokensUnreadable(integrationId: string): Promise<void> {
    const lastError: IntegrationErrorCode = 'TOKEN_UNREADABLE';
    await this.prisma.calendarIntegration.updateMany({ where: { id: integrationId, status: 'CONNECTED' }, data: { status: 'NEEDS_RECONNECT', lastError } });
  }

  /** A successful consent. Reconnecting the same account keeps its calendar and sync choice. */
  async saveConnected(userId: string, provider: CalendarProviderId, account: ConnectedAccount, now: Date): Promise<void> {
    const previous = await this.find(userId, provider);
    const sameAccount = previous?.accountEmail?.toLowerCase() === account.accountEmail.toLowerCase();
    const data = {
      status: 'CONNECTED' as const,
      accountEmail: account.accountEmail,
      ...this.sealTokens(account.tokens),
      refreshTokenEncrypted: account.tokens.refreshToken ? this.vault.seal(account.tokens.refreshToken) : null,
      lastError: null,
      connectedAt: now,
      ...(sameAccount ? {} : { calendarId: null, calendarName: null, syncEnabled: true }),
    };
    await this.prisma.calendarIntegration.upsert({
      where: key(userId, provider),
      create: { userId, provider: toDbProvider(provider), ...data },
      update: data,
      select: { id: true },
    });
  }

  /** Refreshed tokens. A refresh answer without a refresh token keeps the stored one (Google never rotates it). */
  async saveTokens(userId: string, provider: CalendarProviderId, tokens: ProviderTokens): Promise<void> {
    await this.prisma.calendarIntegration.update({
      where: key(userId, provider),
      data: {
        ...this.sealTokens(tokens),
        ...(tokens.refreshToken ? { refreshTokenEncrypted: this.vault.seal(tokens.refreshToken) } : {}),
      },
      select: { id: true },
    });
  }

  /**
   * The provider refused the grant. Both tokens are dropped: a revoked refresh token can
   * never work again, so keeping it would only keep a secret at rest for nothing, and an
   * empty row cannot be used by mistake. Account, calendar and sync choice stay, so a
   * reconnect of the same account resumes where it was.
   */
  async markNeedsReconnect(userId: string, provider: CalendarProviderId, lastError: IntegrationErrorCode): Promise<void> {
    await this.prisma.calendarIntegration.updateMany({
      where: { userId, provider: toDbProvider(provider) },
      data: { status: 'NEEDS_RECONNECT', lastError, ...NO_TOKENS },
    });
  }

  /**
   * The sync worker gave up on an event: the card must say so (never "Connected" and
   * silent). Only a connected integration: a reconnect reason is more urgent and stays.
   */
  async recordSyncFailure(integrationId: string, lastError: IntegrationErrorCode): Promise<void> {
    await this.prisma.calendarIntegration.updateMany({ where: { id: integrationId, status: 'CONNECTED' }, data: { lastError } });
  }

  /** Clears a sync failure once no event of the integration is FAILED any more. */
  async clearResolvedSyncFailure(integrationId: string): Promise<void> {
    await this.prisma.calendarIntegration.updateMany({
      where: { id: integrationId, status: 'CONNECTED', lastError: { not: null }, interventionSyncs: { none: { status: 'FAILED' } } },
      data: { lastError: null },
    });
  }

  /** Disconnect: nothing of the grant or the account remains. The row stays (future sync state hangs off it). */
  async forget(userId: string, provider: CalendarProviderId): Promise<void> {
    await this.prisma.calendarIntegration.updateMany({
      where: { userId, provider: toDbProvider(provider) },
      data: {
        status: 'NOT_CONNECTED',
        ...NO_TOKENS,
        scopes: [],
        accountEmail: null,
        calendarId: null,
        calendarName: null,
        lastError: null,
        connectedAt: null,
      },
    });
  }

  async saveSettings(
    userId: string,
    provider: CalendarProviderId,
    settings: { calendarId?: string; calendarName?: string; syncEnabled?: boolean },
  ): Promise<IntegrationRow> {
    return this.prisma.calendarIntegration.update({ where: key(userId, provider), data: settings, select: INTEGRATION_SELECT });
  }

  private sealTokens(tokens: ProviderTokens) {
    return {
      accessTokenEncrypted: this.vault.seal(tokens.accessToken),
      accessTokenExpiresAt: tokens.expiresAt,
      scopes: tokens.scopes,
    };
  }
}
