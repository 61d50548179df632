// Owns "call a provider as this person", and is the one owner of token refresh (org-wide
// app tokens included, through OrganisationTokens which only it calls): loads the
// stored tokens, refreshes the access token when it expires within a minute or when the
// provider refused it (AccessTokenRejected: one refresh, one retry), stores every new
// token, and, when the provider refuses the grant, marks the integration NEEDS_RECONNECT with
// lastError AUTH_REVOKED so the person is told (never a silent failure). Throws
// ProviderError, not an HTTP error: the HTTP service and the future sync worker each
// decide what a code means for them.
import { Injectable } from '@nestjs/common';
import { Clock } from '../common/clock';
import { IntegrationRepository } from './integration.repository';
import { OrganisationTokens } from './organisation/organisation-tokens';
import type { CalendarProvider, OrganisationCredentials, ProviderTokens, TokenContext } from './providers/calendar-provider';
import { AccessTokenRejected, ProviderError } from './providers/provider-error';

/** Refresh ahead of expiry so a token does not die between our check and the provider's. */
export const REFRESH_MARGIN_MS = 60_000;

@Injectable()
export class IntegrationAccess {
  /**
   * Refreshes in flight, per user and provider: concurrent calls in this process share one.
   * Across processes the row lock in withTokensLocked serialises them (Microsoft rotates
   * refresh tokens: a loser of a race could store a superseded one).
   */
  private readonly refreshing = new Map<string, Promise<ProviderTokens>>();

  constructor(
    private readonly integrations: IntegrationRepository,
    private readonly clock: Clock,
    /** App tokens of org-wide connections: a part of this owner, reached through it only. */
    private readonly organisation: OrganisationTokens,
  ) {}

  /**
   * Runs `work` with valid tokens. Throws ProviderError('AUTH_REVOKED') when there are none usable.
   * A row the company's connection holds gets an app token acting on the person's mailbox.
   */
  async run<T>(userId: string, provider: CalendarProvider, work: (context: TokenContext) => Promise<T>): Promise<T> {
    const mailbox = await this.integrations.organisationMailbox(userId, provider.id);
    if (mailbox !== undefined) return this.organisation.run(userId, provider, mailbox, work);
    try {
      let tokens = await this.integrations.findTokens(userId, provider.id);
      if (!tokens) throw new ProviderError('AUTH_REVOKED', 'no stored tokens');
      if (this.expiresSoon(tokens)) tokens = await this.refreshOnce(userId, provider, tokens);
      try {
        return await work({ tokens });
      } catch (error) {
        // The token died before its time (revoked session, clock skew): one refresh, one retry.
        if (!(error instanceof AccessTokenRejected)) throw error;
        tokens = await this.refreshOnce(userId, provider, tokens);
        return await work({ tokens });
      }
    } catch (error) {
      if (error instanceof ProviderError && error.code === 'AUTH_REVOKED') {
        await this.integrations.markNeedsReconnect(userId, provider.id, 'AUTH_REVOKED');
      }
      throw error;
    }
  }

  /** Org-wide: a call on a mailbox before any row holds it (provisioning: does it exist, may we write it?). */
  probeOrganisation<T>(provider: CalendarProvider, mailbox: string, work: (context: TokenContext) => Promise<T>): Promise<T> {
    return this.organisation.probe(provider, mailbox, work);
  }

  /** Org-wide: do these credentials mint a token? Throws the ProviderError otherwise. */
  verifyOrganisation(provider: CalendarProvider, credentials: OrganisationCredentials, mailbox: string): Promise<void> {
    return this.organisation.verify(provider, credentials, mailbox);
  }

  private expiresSoon(tokens: ProviderTokens): boolean {
    return tokens.expiresAt.getTime() - this.clock.now().getTime() < REFRESH_MARGIN_MS;
  }

  /** Concurrent callers in this process share one refresh; other processes wait on the row lock. */
  private refreshOnce(userId: string, provider: CalendarProvider, stale: ProviderTokens): Promise<ProviderTokens> {
    const key = `${userId}:${provider.id}`;
    let pending = this.refreshing.get(key);
    if (!pending) {
      pending = this.refreshLocked(userId, provider, stale).finally(() => this.refreshing.delete(key));
      this.refreshing.set(key, pending);
    }
    return pending;
  }

  /**
   * Under the integration's row lock: if another process stored new tokens while we waited,
   * use them; otherwise refresh with the newest stored refresh token and store the answer
   * before the lock is released. `stale` is the access token the caller found wanting.
   */
  private refreshLocked(userId: string, provider: CalendarProvider, stale: ProviderTokens): Promise<ProviderTokens> {
    return this.integrations.withTokensLocked(userId, provider.id, async (current) => {
      if (!current) throw new ProviderError('AUTH_REVOKED', 'no stored tokens');
      if (current.accessToken !== stale.accessToken && !this.expiresSoon(current)) return current;
      if (!current.refreshToken) throw new ProviderError('AUTH_REVOKED', 'access token expired and no refresh token');
      const fresh = await provider.refresh(current.refreshToken);
      // Merge, never replace with undefined: Google's refresh answer carries no refresh token.
      return { ...fresh, refreshToken: fresh.refreshToken ?? current.refreshToken };
    });
  }
}
