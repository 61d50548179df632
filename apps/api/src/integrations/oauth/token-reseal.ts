// Owns `pnpm tokens:reseal`: rewrites every sealed value (calendar_integrations' access and
// refresh tokens, oauth_states' PKCE verifiers, organisation_connections' service account keys) with the first key of TOKEN_ENCRYPTION_KEY,
// so an old key can then be removed. Safe while the API serves: each row is written with a
// compare-and-set on the sealed values it read, so a token refreshed meanwhile is never
// replaced by a stale one (the row is re-read and tried again). Idempotent: values already
// sealed with the first key are left alone. Never prints or returns token material.
import type { PrismaService } from '../../database/prisma.service';
import { TokenVault, VaultError } from './token-vault';

const PAGE_SIZE = 200;
/** A row that keeps changing under us is left for the next run rather than fought over. */
const MAX_ATTEMPTS = 5;

export interface UnreadableRow {
  id: string;
  provider?: string;
  failure: VaultError['failure'];
  keyId?: string;
}

export interface ResealCounts {
  resealed: number;
  current: number;
  unreadable: UnreadableRow[];
  /** Rows that changed under every attempt (very busy, or another reseal running); run again. */
  busy: number;
}

export interface ResealSummary {
  keyId: string;
  integrations: ResealCounts;
  /** Pending consents live 10 minutes; resealed too so removing a key cannot break one in flight. */
  oauthStates: ResealCounts;
  /** Org-wide connections' secrets (a Google Workspace service account key). */
  organisationConnections: ResealCounts;
}

export interface IntegrationSealed {
  id: string;
  provider: string;
  accessTokenEncrypted: string | null;
  refreshTokenEncrypted: string | null;
}

type Outcome = 'resealed' | 'current' | 'busy' | UnreadableRow;

const emptyCounts = (): ResealCounts => ({ resealed: 0, current: 0, unreadable: [], busy: 0 });
const INTEGRATION_SEALED = { id: true, provider: true, accessTokenEncrypted: true, refreshTokenEncrypted: true } as const;

export class TokenResealer {
  constructor(
    private readonly prisma: PrismaService,
    private readonly vault: TokenVault,
  ) {}

  async run(): Promise<ResealSummary> {
    const summary: ResealSummary = { keyId: this.vault.currentKeyId, integrations: emptyCounts(), oauthStates: emptyCounts(), organisationConnections: emptyCounts() };
    for await (const row of this.integrationRows()) count(summary.integrations, await this.resealIntegration(row));
    for (const state of await this.prisma.oAuthState.findMany({ select: { stateHash: true, codeVerifierEncrypted: true } })) {
      count(summary.oauthStates, await this.resealState(state.stateHash, state.codeVerifierEncrypted));
    }
    const secrets = await this.prisma.organisationConnection.findMany({ where: { secretEncrypted: { not: null } }, select: { provider: true, secretEncrypted: true } });
    for (const row of secrets) count(summary.organisationConnections, await this.resealSecret(row.provider, row.secretEncrypted!));
    return summary;
  }

  /** One integration, from a snapshot of its sealed values; re-reads it when the snapshot went stale. */
  async resealIntegration(snapshot: IntegrationSealed): Promise<Outcome> {
    let row: IntegrationSealed | null = snapshot;
    for (let attempt = 0; attempt < MAX_ATTEMPTS && row; attempt++) {
      const sealed = [row.accessTokenEncrypted, row.refreshTokenEncrypted];
      if (!sealed.some((value) => value !== null && this.vault.needsReseal(value))) return 'current';
      let fresh: (string | null)[];
      try {
        fresh = sealed.map((value) => (value !== null && this.vault.needsReseal(value) ? this.vault.reseal(value) : value));
      } catch (error) {
        if (error instanceof VaultError) return { id: row.id, provider: row.provider, failure: error.failure, ...(error.keyId ? { keyId: error.keyId } : {}) };
        throw error;
      }
      // Compare-and-set: written only if nobody (a token refresh, a reconnect) changed the row since we read it.
      const { count: written } = await this.prisma.calendarIntegration.updateMany({
        where: { id: row.id, accessTokenEncrypted: row.accessTokenEncrypted, refreshTokenEncrypted: row.refreshTokenEncrypted },
        data: { accessTokenEncrypted: fresh[0] ?? null, refreshTokenEncrypted: fresh[1] ?? null },
      });
      if (written === 1) return 'resealed';
      row = await this.prisma.calendarIntegration.findUnique({ where: { id: row.id }, select: INTEGRATION_SEALED });
    }
    // Deleted meanwhile: nothing left to reseal.
    return row ? 'busy' : 'current';
  }

  private async resealState(stateHash: string, sealed: string): Promise<Outcome> {
    if (!this.vault.needsReseal(sealed)) return 'current';
    let fresh: string;
    try {
      fresh = this.vault.reseal(sealed);
    } catch (error) {
      if (error instanceof VaultError) return { id: stateHash.slice(0, 12), failure: error.failure, ...(error.keyId ? { keyId: error.keyId } : {}) };
      throw error;
    }
    // A state is consumed (deleted), never updated: a miss means it was used meanwhile.
    const { count: written } = await this.prisma.oAuthState.updateMany({ where: { stateHash, codeVerifierEncrypted: sealed }, data: { codeVerifierEncrypted: fresh } });
    return written === 1 ? 'resealed' : 'current';
  }

  /** Compare-and-set like the others: a key uploaded meanwhile is never replaced by the old one. */
  private async resealSecret(provider: string, sealed: string): Promise<Outcome> {
    if (!this.vault.needsReseal(sealed)) return 'current';
    let fresh: string;
    try {
      fresh = this.vault.reseal(sealed);
    } catch (error) {
      if (error instanceof VaultError) return { id: provider, provider, failure: error.failure, ...(error.keyId ? { keyId: error.keyId } : {}) };
      throw error;
    }
    const { count: written } = await this.prisma.organisationConnection.updateMany({ where: { provider: provider as never, secretEncrypted: sealed }, data: { secretEncrypted: fresh } });
    return written === 1 ? 'resealed' : 'busy';
  }

  /** Every integration holding a sealed value, a page at a time (keyset on id), without a long transaction. */
  private async *integrationRows(): AsyncGenerator<IntegrationSealed> {
    let after: string | undefined;
    for (;;) {
      const page = await this.prisma.calendarIntegration.findMany({
        where: { OR: [{ accessTokenEncrypted: { not: null } }, { refreshTokenEncrypted: { not: null } }], ...(after ? { id: { gt: after } } : {}) },
        select: INTEGRATION_SEALED,
        orderBy: { id: 'asc' },
        take: PAGE_SIZE,
      });
      yield* page;
      if (page.length < PAGE_SIZE) return;
      after = page[page.length - 1]!.id;
    }
  }
}

function count(counts: ResealCounts, outcome: Outcome): void {
  if (outcome === 'resealed') counts.resealed++;
  else if (outcome === 'current') counts.current++;
  else if (outcome === 'busy') counts.busy++;
  else counts.unreadable.push(outcome);
}
