// Owns pending OAuth authorizations (table oauth_states): one row per "Connect" click,
// keyed by the SHA-256 of the random `state` we send (the state itself is never stored),
// holding the PKCE verifier sealed by the vault. A state lives 10 minutes and is consumed
// by one atomic DELETE ... RETURNING, so a replayed or concurrent callback finds nothing.
import { createHash, randomBytes } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { CalendarProviderId } from '@fs/contracts';
import { Clock } from '../../common/clock';
import { PrismaService } from '../../database/prisma.service';
import { TokenVault } from './token-vault';

export const OAUTH_STATE_TTL_MS = 10 * 60_000;

export interface PendingAuthorization {
  state: string;
  codeChallenge: string;
}

export interface ConsumedAuthorization {
  userId: string;
  codeVerifier: string;
}

const base64url = (bytes: Buffer) => bytes.toString('base64url');
export const sha256 = (value: string) => createHash('sha256').update(value).digest('hex');

@Injectable()
export class OAuthStateService {
  constructor(
    private readonly prisma: PrismaService,
    private readonly vault: TokenVault,
    private readonly clock: Clock,
  ) {}

  async create(userId: string, provider: CalendarProviderId): Promise<PendingAuthorization> {
    const now = this.clock.now();
    const state = base64url(randomBytes(32));
    // RFC 7636: 32 random bytes give a 43-character verifier; S256 challenge.
    const codeVerifier = base64url(randomBytes(32));
    const codeChallenge = base64url(createHash('sha256').update(codeVerifier).digest());
    // Abandoned attempts would pile up otherwise; this is cheap (index on expires_at).
    await this.prisma.oAuthState.deleteMany({ where: { expiresAt: { lt: now } } });
    await this.prisma.oAuthState.create({
      data: {
        stateHash: sha256(state),
        userId,
        provider,
        codeVerifierEncrypted: this.vault.seal(codeVerifier),
        expiresAt: new Date(now.getTime() + OAUTH_STATE_TTL_MS),
      },
      select: { stateHash: true },
    });
    return { state, codeChallenge };
  }

  /** Undefined when the state is unknown, already used, expired or for another provider. */
  async consume(state: string, provider: CalendarProviderId): Promise<ConsumedAuthorization | undefined> {
    const rows = await this.prisma.$queryRaw<{ user_id: string; provider: string; code_verifier_encrypted: string; expires_at: Date }[]>`
      DELETE FROM oauth_states WHERE state_hash = ${sha256(state)}
      RETURNING user_id, provider::text AS provider, code_verifier_encrypted, expires_at`;
    const row = rows[0];
    if (!row || row.provider !== provider) return undefined;
    if (new Date(row.expires_at).getTime() <= this.clock.now().getTime()) return undefined;
    return { userId: row.user_id, codeVerifier: this.vault.open(row.code_verifier_encrypted) };
  }
}
