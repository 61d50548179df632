// Owns encryption at rest of provider tokens and PKCE verifiers: AES-256-GCM under
// TOKEN_ENCRYPTION_KEY. A sealed value reads "v1:<keyId>:<iv>:<tag>:<ciphertext>" (base64
// parts) so a later key can be introduced without re-encrypting everything at once: the
// key id says which key sealed a value. Only integration.repository.ts and the OAuth state
// service call it; plaintext never leaves them except towards a provider adapter.
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { AppConfig } from '../../config/app-config';

const VERSION = 'v1';
/** Key id of a TOKEN_ENCRYPTION_KEY given without a "keyid:" prefix. */
export const DEFAULT_KEY_ID = 'k0';

export interface VaultKey {
  id: string;
  key: Buffer;
}

/** "keyid:base64" or plain base64 (env.schema.ts has already checked the 32 bytes). */
export function parseVaultKey(value: string): VaultKey {
  const separator = value.indexOf(':');
  const id = separator > 0 ? value.slice(0, separator) : DEFAULT_KEY_ID;
  const key = Buffer.from(separator > 0 ? value.slice(separator + 1) : value, 'base64');
  if (key.length !== 32 || !/^[A-Za-z0-9_-]+$/.test(id)) throw new Error('TOKEN_ENCRYPTION_KEY is malformed');
  return { id, key };
}

export class VaultError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'VaultError';
  }
}

@Injectable()
export class TokenVault {
  private readonly keys: Map<string, Buffer>;
  private readonly current: VaultKey;

  constructor(config: AppConfig) {
    this.current = parseVaultKey(config.env.TOKEN_ENCRYPTION_KEY);
    this.keys = new Map([[this.current.id, this.current.key]]);
  }

  seal(plaintext: string): string {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.current.key, iv);
    const ciphertext = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
    const parts = [iv, cipher.getAuthTag(), ciphertext].map((part) => part.toString('base64'));
    return [VERSION, this.current.id, ...parts].join(':');
  }

  /** Throws VaultError (never echoing the value) when the value is malformed, tampered with or sealed under an unknown key. */
  open(sealed: string): string {
    const [version, keyId, iv, tag, ciphertext, ...rest] = sealed.split(':');
    if (version !== VERSION || !keyId || !iv || !tag || ciphertext === undefined || rest.length > 0) {
      throw new VaultError('sealed value has an unknown format');
    }
    const key = this.keys.get(keyId);
    if (!key) throw new VaultError(`sealed with key "${keyId}", which is not configured`);
    try {
      const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64'));
      decipher.setAuthTag(Buffer.from(tag, 'base64'));
      return Buffer.concat([decipher.update(Buffer.from(ciphertext, 'base64')), decipher.final()]).toString('utf8');
    } catch {
      throw new VaultError('sealed value failed authentication');
    }
  }
}
