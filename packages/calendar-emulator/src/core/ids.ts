// Owns identifier generation: stable ids (same input -> same id across restarts, so a dev
// app that stored a calendar id keeps working) and unguessable random tokens.
import { createHash, randomBytes } from 'node:crypto';

export function stableHash(...parts: string[]): string {
  return createHash('sha256').update(parts.join('\u0000')).digest('hex');
}

/** GUID-shaped stable id (Microsoft object ids, tenant ids). */
export function stableGuid(...parts: string[]): string {
  const h = stableHash(...parts);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20, 32)}`;
}

export function randomToken(prefix = '', bytes = 32): string {
  return prefix + randomBytes(bytes).toString('base64url');
}

/** Google-style base32hex id (a-v, 0-9), the alphabet Google accepts for client ids. */
export function randomBase32Hex(length = 26): string {
  const alphabet = '0123456789abcdefghijklmnopqrstuv';
  const bytes = randomBytes(length);
  let out = '';
  for (const b of bytes) out += alphabet[b & 31];
  return out;
}
