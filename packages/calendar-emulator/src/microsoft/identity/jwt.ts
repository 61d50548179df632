// RS256 JWT signing for id_tokens and access tokens, and the JWKS the
// `/discovery/v2.0/keys` route publishes. MSAL decodes but does not verify id_tokens;
// we still sign them so a client that does verify (jose, passport-azure-ad) works too.
import { createHash, createSign, generateKeyPairSync, type KeyObject } from 'node:crypto';

export interface SigningKey {
  kid: string;
  privateKey: KeyObject;
  jwk: Record<string, unknown>;
}

export function createSigningKey(): SigningKey {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const pub = publicKey.export({ format: 'jwk' }) as { n: string; e: string };
  const kid = createHash('sha256').update(pub.n).digest('base64url').slice(0, 27);
  return { kid, privateKey, jwk: { kty: 'RSA', use: 'sig', kid, x5t: kid, n: pub.n, e: pub.e } };
}

const b64 = (v: unknown) => Buffer.from(JSON.stringify(v)).toString('base64url');

export function signJwt(key: SigningKey, claims: Record<string, unknown>): string {
  const head = b64({ typ: 'JWT', alg: 'RS256', kid: key.kid, x5t: key.kid });
  const body = b64(claims);
  const sig = createSign('RSA-SHA256').update(`${head}.${body}`).sign(key.privateKey).toString('base64url');
  return `${head}.${body}.${sig}`;
}

/** Reads a JWT's claims without verifying (the emulator checks tokens against its store). */
export function decodeJwt(token: string): Record<string, unknown> | undefined {
  const part = token.split('.')[1];
  if (!part) return undefined;
  try {
    return JSON.parse(Buffer.from(part, 'base64url').toString('utf8')) as Record<string, unknown>;
  } catch {
    return undefined;
  }
}
