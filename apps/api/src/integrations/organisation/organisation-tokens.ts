// App tokens of org-wide connections, owned by IntegrationAccess (the one token owner, which
// hands every organisation row to this class and nobody else calls it). Same rules as a
// person's tokens: kept sealed on the technician's row, renewed a minute before expiry or
// when the provider refuses one (one renewal, one retry), renewals serialised by the row lock
// across processes. Renewing is minting: client credentials (Microsoft) or a JWT bearer with
// sub = the mailbox (Google), from the organisation's credentials. When the provider refuses
// the organisation's grant, the connection shows "reconnect" to the admin and every covered
// technician is paused, with the reason on their card.
import { Injectable } from '@nestjs/common';
import type { OrganisationProviderId } from '@fs/contracts';
import { Clock } from '../../common/clock';
import { IntegrationRepository } from '../integration.repository';
import type { CalendarProvider, OrganisationAccessProvider, OrganisationCredentials, ProviderTokens, TokenContext } from '../providers/calendar-provider';
import { AccessTokenRejected, ProviderError } from '../providers/provider-error';
import { OrganisationConnectionRepository } from './organisation-connection.repository';

const REFRESH_MARGIN_MS = 60_000;

@Injectable()
export class OrganisationTokens {
  /** Mints in flight per row, shared by concurrent callers of this process. */
  private readonly minting = new Map<string, Promise<ProviderTokens>>();

  constructor(
    private readonly integrations: IntegrationRepository,
    private readonly connections: OrganisationConnectionRepository,
    private readonly clock: Clock,
  ) {}

  /** Runs `work` for the technician's row with a valid app token acting on `mailbox`. */
  async run<T>(userId: string, provider: CalendarProvider, mailbox: string, work: (context: TokenContext) => Promise<T>): Promise<T> {
    return this.pausingOnRevoke(provider, async () => {
      let tokens = await this.integrations.findTokens(userId, provider.id);
      if (!tokens || this.expiresSoon(tokens)) tokens = await this.mintOnce(userId, provider, mailbox, tokens);
      try {
        return await work({ tokens, mailbox });
      } catch (error) {
        if (!(error instanceof AccessTokenRejected)) throw error;
        tokens = await this.mintOnce(userId, provider, mailbox, tokens);
        return await work({ tokens, mailbox });
      }
    });
  }

  /** A call on a mailbox no row holds yet (provisioning checks it exists and is reachable): a fresh token, not stored. */
  async probe<T>(provider: CalendarProvider, mailbox: string, work: (context: TokenContext) => Promise<T>): Promise<T> {
    return this.pausingOnRevoke(provider, async () => {
      const tokens = await organisationOf(provider).appToken(await this.credentials(provider), mailbox);
      return work({ tokens, mailbox });
    });
  }

  /** Checks credentials the admin just gave (a consented tenant, an uploaded key) by minting one token. */
  async verify(provider: CalendarProvider, credentials: OrganisationCredentials, mailbox: string): Promise<void> {
    await organisationOf(provider).appToken(credentials, mailbox);
  }

  private async pausingOnRevoke<T>(provider: CalendarProvider, call: () => Promise<T>): Promise<T> {
    try {
      return await call();
    } catch (error) {
      if (error instanceof ProviderError && error.code === 'AUTH_REVOKED') {
        const id = provider.id as OrganisationProviderId;
        await this.connections.markNeedsReconnect(id, 'AUTH_REVOKED');
        await this.integrations.pauseOrganisation(id, 'ORGANISATION_PAUSED');
      }
      throw error;
    }
  }

  private expiresSoon(tokens: ProviderTokens): boolean {
    return tokens.expiresAt.getTime() - this.clock.now().getTime() < REFRESH_MARGIN_MS;
  }

  private mintOnce(userId: string, provider: CalendarProvider, mailbox: string, stale: ProviderTokens | undefined): Promise<ProviderTokens> {
    const key = `${userId}:${provider.id}`;
    let pending = this.minting.get(key);
    if (!pending) {
      // Credentials are read before the row lock: nothing but the row is read inside its transaction.
      pending = this.credentials(provider)
        .then((credentials) =>
          this.integrations.withTokensLocked(userId, provider.id, async (current) => {
            // Another process minted while we waited for the lock: use its token.
            if (current && current.accessToken !== stale?.accessToken && !this.expiresSoon(current)) return current;
            return organisationOf(provider).appToken(credentials, mailbox);
          }),
        )
        .finally(() => this.minting.delete(key));
      this.minting.set(key, pending);
    }
    return pending;
  }

  private async credentials(provider: CalendarProvider): Promise<OrganisationCredentials> {
    const credentials = await this.connections.credentials(provider.id as OrganisationProviderId);
    if (!credentials) throw new ProviderError('AUTH_REVOKED', 'the organisation is not connected');
    return credentials;
  }
}

function organisationOf(provider: CalendarProvider): OrganisationAccessProvider {
  if (!provider.organisation) throw new ProviderError('PERMANENT', `${provider.id} has no org-wide access`);
  return provider.organisation;
}
