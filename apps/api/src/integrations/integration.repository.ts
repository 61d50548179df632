// Database access for calendar integrations (table calendar_integrations), one row per
// user and provider. The only place the API seals or opens tokens (through TokenVault;
// `pnpm tokens:reseal`, oauth/token-reseal.ts, rewrites them offline): every read for
// display uses INTEGRATION_SELECT, which has no token column.
import { Injectable, Logger } from '@nestjs/common';
import type { CalendarProviderId, IntegrationErrorCode, SyncMode } from '@fs/contracts';
import { PrismaService } from '../database/prisma.service';
import type { CalendarProvider as DbProvider, Prisma, SyncMode as DbSyncMode } from '../generated/prisma/client';
import type { ConnectedAccount, ProviderTokens } from './providers/calendar-provider';
import { TokenVault, VaultError } from './oauth/token-vault';
import { TokensUnreadable, unreadableTokensLogLine } from './unreadable-tokens';

export const INTEGRATION_SELECT = {
  id: true,
  provider: true,
  status: true,
  accountEmail: true,
  calendarId: true,
  calendarName: true,
  syncEnabled: true,
  syncMode: true,
  lastError: true,
  connectedAt: true,
  shareAvailability: true,
  availabilityCalendarIds: true,
  syncRunTotal: true,
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

type Db = Prisma.TransactionClient;

/** The database's provider enum is spelled as the contracts spell provider ids: this fails to compile otherwise. */
const SAME_PROVIDER_SPELLING: [CalendarProviderId, DbProvider] extends [DbProvider, CalendarProviderId] ? true : never = true;
void SAME_PROVIDER_SPELLING;

/**
 * A token transaction may wait for another process's refresh, then make its own: two token
 * requests, each bounded by the adapters' request timeouts (15 s), plus slack.
 */
const TOKEN_TRANSACTION_MS = 45_000;

/** Prisma enum values are identifiers: 'two-way' is stored as two_way. */
export const toSyncMode = (value: DbSyncMode): SyncMode => (value === 'two_way' ? 'two-way' : 'push');
const toDbSyncMode = (value: SyncMode): DbSyncMode => (value === 'two-way' ? 'two_way' : 'push');

const key = (userId: string, provider: CalendarProviderId) => ({ userId_provider: { userId, provider } });

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
  findTokens(userId: string, provider: CalendarProviderId): Promise<ProviderTokens | undefined> {
    return this.readTokens(this.prisma, userId, provider).catch((error: unknown) => this.unreadable(userId, provider, error));
  }

  /**
   * Runs `change` with the integration's row locked (SELECT ... FOR UPDATE) and stores what
   * it returns in the same transaction. Token refreshes are serialised this way across every
   * API process sharing the database: the second waits for the lock, then reads the tokens
   * the first stored instead of spending a refresh token that has just been rotated.
   */
  async withTokensLocked(
    userId: string,
    provider: CalendarProviderId,
    change: (current: ProviderTokens | undefined) => Promise<ProviderTokens>,
  ): Promise<ProviderTokens> {
    return this.prisma.$transaction(
      async (tx) => {
        await tx.$queryRaw`SELECT id FROM calendar_integrations
          WHERE user_id = ${userId}::uuid AND provider = ${provider}::"CalendarProvider" FOR UPDATE`;
        const current = await this.readTokens(tx, userId, provider);
        const next = await change(current);
        if (next !== current) await this.writeTokens(tx, userId, provider, next);
        return next;
      },
      // The lock is held across one token request to the provider.
      { maxWait: 10_000, timeout: TOKEN_TRANSACTION_MS },
    ).catch((error: unknown) => this.unreadable(userId, provider, error));
  }

  /** Rethrows anything but a VaultError; for that one, see findTokens. */
  private async unreadable(userId: string, provider: CalendarProviderId, error: unknown): Promise<never> {
    if (!(error instanceof VaultError)) throw error;
    const row = await this.prisma.calendarIntegration.findUniqueOrThrow({ where: key(userId, provider), select: { id: true } });
    await this.markTokensUnreadable(row.id);
    this.logger.warn(unreadableTokensLogLine(row.id, provider, error));
    throw new TokensUnreadable(row.id, error);
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
      // Another account: its choices start over, availability sharing on (stated on the card).
      ...(sameAccount ? {} : { calendarId: null, calendarName: null, syncEnabled: true, syncMode: 'push' as const, shareAvailability: true, availabilityCalendarIds: [] }),
    };
    await this.prisma.calendarIntegration.upsert({
      where: key(userId, provider),
      create: { userId, provider, ...data },
      update: data,
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
      where: { userId, provider },
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

  /**
   * A bulk run starts (first sync, calendar change, reconnect, removal on disconnect): the
   * card shows "done of total" until the outbox has nothing due for the integration.
   */
  async startSyncRun(db: Db, integrationId: string, total: number): Promise<void> {
    await db.calendarIntegration.updateMany({ where: { id: integrationId }, data: { syncRunTotal: total > 0 ? total : null } });
  }

  /** Ends the bulk run once nothing of the integration is due (parked jobs wait for the person, not the worker). */
  async endSyncRunIfDone(integrationId: string): Promise<void> {
    await this.prisma.calendarIntegration.updateMany({
      where: { id: integrationId, syncRunTotal: { not: null }, syncJobs: { none: { status: 'PENDING' } } },
      data: { syncRunTotal: null },
    });
  }

  /** Disconnect asked to remove our events: the worker removes them, then the disconnect completes. */
  async markDisconnecting(db: Db, integrationId: string): Promise<void> {
    await db.calendarIntegration.updateMany({ where: { id: integrationId }, data: { status: 'DISCONNECTING', lastError: null } });
  }

  /** Disconnect: nothing of the grant or the account remains. The row stays (future sync state hangs off it). */
  async forget(userId: string, provider: CalendarProviderId): Promise<void> {
    await this.prisma.calendarIntegration.updateMany({
      where: { userId, provider },
      data: {
        status: 'NOT_CONNECTED',
        ...NO_TOKENS,
        scopes: [],
        accountEmail: null,
        calendarId: null,
        calendarName: null,
        lastError: null,
        connectedAt: null,
        shareAvailability: true,
        availabilityCalendarIds: [],
        syncRunTotal: null,
        syncMode: 'push',
      },
    });
  }

  async saveSettings(
    userId: string,
    provider: CalendarProviderId,
    settings: {
      calendarId?: string;
      calendarName?: string;
      syncEnabled?: boolean;
      syncMode?: SyncMode;
      shareAvailability?: boolean;
      availabilityCalendarIds?: string[];
    },
  ): Promise<IntegrationRow> {
    const { syncMode, ...rest } = settings;
    const data = { ...rest, ...(syncMode ? { syncMode: toDbSyncMode(syncMode) } : {}) };
    return this.prisma.calendarIntegration.update({ where: key(userId, provider), data, select: INTEGRATION_SELECT });
  }

  private async readTokens(db: Db, userId: string, provider: CalendarProviderId): Promise<ProviderTokens | undefined> {
    const row = await db.calendarIntegration.findUnique({ where: key(userId, provider), select: TOKEN_SELECT });
    if (!row?.accessTokenEncrypted || !row.accessTokenExpiresAt) return undefined;
    return {
      accessToken: this.vault.open(row.accessTokenEncrypted),
      ...(row.refreshTokenEncrypted ? { refreshToken: this.vault.open(row.refreshTokenEncrypted) } : {}),
      expiresAt: row.accessTokenExpiresAt,
      scopes: row.scopes,
    };
  }

  /** Refreshed tokens. A refresh answer without a refresh token keeps the stored one (Google never rotates it). */
  private async writeTokens(db: Db, userId: string, provider: CalendarProviderId, tokens: ProviderTokens): Promise<void> {
    await db.calendarIntegration.update({
      where: key(userId, provider),
      data: {
        ...this.sealTokens(tokens),
        ...(tokens.refreshToken ? { refreshTokenEncrypted: this.vault.seal(tokens.refreshToken) } : {}),
      },
      select: { id: true },
    });
  }

  private sealTokens(tokens: ProviderTokens) {
    return {
      accessTokenEncrypted: this.vault.seal(tokens.accessToken),
      accessTokenExpiresAt: tokens.expiresAt,
      scopes: tokens.scopes,
    };
  }
}
