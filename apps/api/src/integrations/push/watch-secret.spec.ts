import { describe, expect, it } from 'vitest';
import { hashWatchSecret, matchesWatchSecret, newWatchSecret } from './watch-secret';

describe('watch secrets', () => {
  it('are random, fit Graph’s 128-character clientState, and are stored as a hash that does not contain them', () => {
    const a = newWatchSecret();
    expect(a).not.toBe(newWatchSecret());
    expect(a.length).toBeLessThanOrEqual(128);
    expect(hashWatchSecret(a)).toMatch(/^[0-9a-f]{64}$/);
    expect(hashWatchSecret(a)).not.toContain(a);
  });

  it('match only the secret whose hash was stored', () => {
    const secret = newWatchSecret();
    const stored = hashWatchSecret(secret);
    expect(matchesWatchSecret(secret, stored)).toBe(true);
    expect(matchesWatchSecret(`${secret}x`, stored)).toBe(false);
    expect(matchesWatchSecret('', stored)).toBe(false);
    expect(matchesWatchSecret(secret, 'not-a-hash')).toBe(false);
  });
});
