import { describe, expect, it } from 'vitest';
import { AppConfig } from '../../config/app-config';
import { parseEnv } from '../../config/env.schema';
import { TokenVault, VaultError } from './token-vault';

const keyA = Buffer.alloc(32, 1).toString('base64');
const keyB = Buffer.alloc(32, 2).toString('base64');
const vaultWith = (key: string) =>
  new TokenVault(new AppConfig(parseEnv({ JWT_SECRET: 'x'.repeat(32), TOKEN_ENCRYPTION_KEY: key })));

describe('TokenVault', () => {
  it('round-trips a token and never shows it in the sealed value', () => {
    const vault = vaultWith(keyA);
    const sealed = vault.seal('ya29.secret-access-token');
    expect(sealed).not.toContain('secret');
    expect(sealed).toMatch(/^v1:k0:[^:]+:[^:]+:[^:]+$/);
    expect(vault.open(sealed)).toBe('ya29.secret-access-token');
  });

  it('uses a fresh IV each time, so equal tokens do not look equal at rest', () => {
    const vault = vaultWith(keyA);
    expect(vault.seal('same')).not.toBe(vault.seal('same'));
  });

  it('records the key id given as a prefix, for rotation', () => {
    const vault = vaultWith(`2026-11:${keyA}`);
    const sealed = vault.seal('t');
    expect(sealed.split(':')[1]).toBe('2026-11');
    expect(vault.open(sealed)).toBe('t');
  });

  it('refuses a value sealed under a key it does not hold, naming the key id only', () => {
    const sealed = vaultWith(`old:${keyA}`).seal('t');
    expect(() => vaultWith(`new:${keyB}`).open(sealed)).toThrow(new VaultError('sealed with key "old", which is not configured'));
  });

  it('refuses a tampered ciphertext (GCM authentication) and a wrong key under the same id', () => {
    const vault = vaultWith(keyA);
    const parts = vault.seal('token-value').split(':');
    const flipped = Buffer.from(parts[4]!, 'base64');
    flipped[0] = flipped[0]! ^ 1;
    parts[4] = flipped.toString('base64');
    expect(() => vault.open(parts.join(':'))).toThrow(VaultError);
    expect(() => vaultWith(keyB).open(vault.seal('t'))).toThrow('failed authentication');
  });

  it('refuses a malformed value without echoing it', () => {
    expect(() => vaultWith(keyA).open('plain-token')).toThrow(new VaultError('sealed value has an unknown format'));
  });
});
