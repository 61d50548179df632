// The secret of a private ICS feed URL: 256 random bits, written in base64url. Only its
// SHA-256 is stored, so a database leak does not give anyone a readable feed.
import { createHash, randomBytes } from 'node:crypto';

export function newFeedToken(): string {
  return randomBytes(32).toString('base64url');
}

export function hashFeedToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

/** A token as newFeedToken writes it; anything else is refused before a database read. */
export function looksLikeFeedToken(value: string): boolean {
  return /^[A-Za-z0-9_-]{43}$/.test(value);
}
