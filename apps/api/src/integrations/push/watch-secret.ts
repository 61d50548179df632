// The per-channel secret of push notifications (Google `token`, Graph `clientState`): random,
// shown to the provider once, stored as its SHA-256 only, compared in constant time.
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/** 32 random bytes, base64url: 43 characters (Graph allows 128, Google 256). */
export function newWatchSecret(): string {
  return randomBytes(32).toString('base64url');
}

export function hashWatchSecret(secret: string): string {
  return createHash('sha256').update(secret, 'utf8').digest('hex');
}

/** Whether `presented` is the secret whose hash we stored. */
export function matchesWatchSecret(presented: string, storedHash: string): boolean {
  const a = Buffer.from(hashWatchSecret(presented), 'hex');
  const b = Buffer.from(storedHash, 'hex');
  return a.length === b.length && timingSafeEqual(a, b);
}
