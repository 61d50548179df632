import { describe, expect, it } from 'vitest';
import { AppConfig } from '../../config/app-config';
import { parseEnv } from '../../config/env.schema';
import { TokenVault, VaultError } from './token-vault';

const keyA = Buffer.alloc(32, 1).toString('base64');
const keyB = Buffer.alloc(32, 2).toString('base64');
const vaultWith = (key: string) =>
  new TokenVault(new AppConfig(parseEnv({ JWT_SECRET: 'x'.repeat(32), TOKEN_ENCRYPTION_KEY: key })));

function catchVaultError(work: () => unknown): VaultError {
  try {
    work();
  } catch (error) {
    if (error instanceof VaultError) return error;
    throw error;
  }
  throw new Error('expected a VaultError');
}

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
    const error = catchVaultError(() => vaultWith(`new:${keyB}`).open(sealed));
    expect(error).toMatchObject({ failure: 'UNKNOWN_KEY', keyId: 'old', message: 'sealed with key "old", which is not configured' });
    expect(error.message).not.toContain(sealed.split(':')[4]);
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
    const error = catchVaultError(() => vaultWith(keyA).open('plain-token'));
    expect(error).toMatchObject({ failure: 'UNKNOWN_FORMAT', message: 'sealed value has an unknown format' });
    expect(error.message).not.toContain('plain-token');
  });

  describe('with several keys (rotation)', () => {
    const sealedUnderK1 = vaultWith(`k1:${keyA}`).seal('refresh-token-1');

    it('seals with the first key and opens values sealed with any configured key', () => {
      const vault = vaultWith(`k2:${keyB},k1:${keyA}`);
      expect(vault.currentKeyId).toBe('k2');
      expect(vault.seal('t').split(':')[1]).toBe('k2');
      expect(vault.open(sealedUnderK1)).toBe('refresh-token-1');
    });

    it('says which values need a reseal: those sealed with a key other than the first', () => {
      const vault = vaultWith(`k2:${keyB},k1:${keyA}`);
      expect(vault.needsReseal(sealedUnderK1)).toBe(true);
      expect(vault.needsReseal(vault.seal('t'))).toBe(false);
      expect(vaultWith(`k1:${keyA},k2:${keyB}`).needsReseal(sealedUnderK1)).toBe(false);
    });

    it('reseals with the first key, so the old key can then be removed', () => {
      const resealed = vaultWith(`k2:${keyB},k1:${keyA}`).reseal(sealedUnderK1);
      expect(resealed.split(':')[1]).toBe('k2');
      expect(vaultWith(`k2:${keyB}`).open(resealed)).toBe('refresh-token-1');
    });

    it('once the old key is removed, names the missing key id and never the value', () => {
      const error = catchVaultError(() => vaultWith(`k2:${keyB}`).reseal(sealedUnderK1));
      expect(error).toMatchObject({ failure: 'UNKNOWN_KEY', keyId: 'k1' });
      expect(error.message).not.toContain('refresh-token-1');
    });
  });
});
