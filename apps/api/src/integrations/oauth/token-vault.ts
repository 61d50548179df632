// Owns encryption at rest of provider tokens and PKCE verifiers: AES-256-GCM under
// TOKEN_ENCRYPTION_KEY, a list of keys (config/token-encryption-keys.ts): the first seals,
// every one opens. A sealed value reads "v1:<keyId>:<iv>:<tag>:<ciphertext>" (base64 parts),
// so a new key can be put first while values sealed with the old one still open, until
// `pnpm tokens:reseal` has rewritten them. Only integration.repository.ts, the OAuth state
// service and the reseal command call it; plaintext never leaves them except towards a
// provider adapter.
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { AppConfig } from '../../config/app-config';
import type { VaultKey } from '../../config/token-encryption-keys';

const VERSION = 'v1';

/** Why a value could not be opened; callers decide on this, never on the message. */
export type VaultFailure = 'UNKNOWN_FORMAT' | 'UNKNOWN_KEY' | 'AUTHENTICATION_FAILED';

/** Its message names at most the key id, never the sealed value or the plaintext. */
export class VaultError extends Error {
  constructor(
    readonly failure: VaultFailure,
    message: string,
    /** The key id the value says it was sealed with, when it could be read. */
    readonly keyId?: string,
  ) {
    super(message);
    this.name = 'VaultError';
  }
}

@Injectable()
export class TokenVault {
  private readonly keys: Map<string, Buffer>;
  /** The first configured key: every new value is sealed with it. */
  private readonly current: VaultKey;

  constructor(config: AppConfig) {
    const [current] = config.env.TOKEN_ENCRYPTION_KEY;
    // env.schema.ts refuses an empty list; this only keeps the type honest.
    if (!current) throw new Error('TOKEN_ENCRYPTION_KEY holds no key');
    this.current = current;
    this.keys = new Map(config.env.TOKEN_ENCRYPTION_KEY.map(({ id, key }) => [id, key]));
  }

  /** The id of the key new values are sealed with. */
  get currentKeyId(): string {
    return this.current.id;
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
    const { keyId, iv, tag, ciphertext } = splitSealed(sealed);
    const key = this.keys.get(keyId);
    if (!key) throw new VaultError('UNKNOWN_KEY', `sealed with key "${keyId}", which is not configured`, keyId);
    try {
      const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64'));
      decipher.setAuthTag(Buffer.from(tag, 'base64'));
      return Buffer.concat([decipher.update(Buffer.from(ciphertext, 'base64')), decipher.final()]).toString('utf8');
    } catch {
      throw new VaultError('AUTHENTICATION_FAILED', `sealed value failed authentication under key "${keyId}"`, keyId);
    }
  }

  /** True when the value was sealed with a key other than the first: `pnpm tokens:reseal` rewrites it. */
  needsReseal(sealed: string): boolean {
    return splitSealed(sealed).keyId !== this.current.id;
  }

  /** The value opened and sealed again with the first key (a new IV, so never equal to the input). */
  reseal(sealed: string): string {
    return this.seal(this.open(sealed));
  }
}

function splitSealed(sealed: string): { keyId: string; iv: string; tag: string; ciphertext: string } {
  const [version, keyId, iv, tag, ciphertext, ...rest] = sealed.split(':');
  if (version !== VERSION || !keyId || !iv || !tag || ciphertext === undefined || rest.length > 0) {
    throw new VaultError('UNKNOWN_FORMAT', 'sealed value has an unknown format');
  }
  return { keyId, iv, tag, ciphertext };
}
