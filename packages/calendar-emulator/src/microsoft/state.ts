// Owns the Microsoft-only part of the emulator state (`ctx.state.ext.microsoft`): settings
// the control API can flip, refresh-token failure modes per account, and the delta
// generation that invalidates outstanding delta links. Reset replaces it with defaults.
import { randomUUID } from 'node:crypto';
import type { EmulatorContext } from '../core/context.js';
import type { AadCode } from './identity/aad-error.js';

export interface RefreshFailure {
  code: AadCode;
  suberror?: string;
  /** Only refresh tokens minted before this instant fail (a new sign-in clears it). */
  issuedBefore: number;
}

export interface MicrosoftState {
  /** Answer to a second create with a known transactionId: the existing event (201) or 409. */
  duplicateTransactionId: 'return' | 'conflict';
  /** Draw each delta page size at random in [1, maxpagesize] (seeded), as Graph may. */
  randomPageSizes: boolean;
  /** Re-send an item already paged out in the same round (Graph delta may replay entities). */
  deltaReplays: boolean;
  /** Access-token lifetime in seconds (Graph: 60-90 min; 3599 by default). */
  accessTokenLifetime: number;
  refreshFailures: Record<string, RefreshFailure>;
  deltaGeneration: string;
  /** Tenant-wide admin consent per client id (admin-consent.ts); withdrawn = removed. */
  adminConsents: Record<string, { tenant: string; grantedAt: number }>;
  /**
   * Exchange application access policy per client id: the mailboxes (lower-cased emails) an
   * app-only token may reach. Absent: every mailbox of the tenant (no policy).
   */
  accessPolicies: Record<string, string[]>;
}

export function msState(ctx: EmulatorContext): MicrosoftState {
  const ext = ctx.state.ext.microsoft as { ms?: MicrosoftState };
  if (!ext.ms) {
    ext.ms = {
      duplicateTransactionId: 'return',
      randomPageSizes: false,
      deltaReplays: false,
      accessTokenLifetime: 3599,
      refreshFailures: {},
      deltaGeneration: randomUUID(),
      adminConsents: {},
      accessPolicies: {},
    };
  }
  return ext.ms;
}
