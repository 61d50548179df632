// Owns Google id_tokens: RS256 JWTs signed with a per-process key whose public half is served
// at /oauth2/v3/certs, so OAuth2Client.verifyIdToken works when pointed here (part D:
// oauth2FederatedSignonJwkCertsUrl + issuers).
import { createSign, generateKeyPairSync, type KeyObject } from 'node:crypto';
import type { Express } from 'express';
import type { Account } from '../../core/types.js';

let keys: { privateKey: KeyObject; publicKey: KeyObject; kid: string } | undefined;

function signingKeys() {
  if (!keys) {
    const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    keys = { privateKey, publicKey, kid: 'calendar-emulator-google-1' };
  }
  return keys;
}

const b64 = (o: unknown) => Buffer.from(JSON.stringify(o)).toString('base64url');

export function mintIdToken(issuer: string, clientId: string, account: Account, nowMs: number): string {
  const k = signingKeys();
  const iat = Math.floor(nowMs / 1000);
  const header = { alg: 'RS256', kid: k.kid, typ: 'JWT' };
  const payload = {
    iss: issuer,
    azp: clientId,
    aud: clientId,
    sub: account.id.replace(/-/g, ''),
    email: account.email,
    email_verified: true,
    name: account.name,
    iat,
    exp: iat + 3600,
  };
  const input = `${b64(header)}.${b64(payload)}`;
  const sig = createSign('RSA-SHA256').update(input).sign(k.privateKey).toString('base64url');
  return `${input}.${sig}`;
}

export function wantsIdToken(scopes: string[]): boolean {
  return scopes.some((s) => s === 'openid' || s === 'email' || s === 'profile' || s.endsWith('/userinfo.email'));
}

export function registerCerts(app: Express): void {
  // PEM map, what OAuth2Client.verifyIdToken fetches (oauth2FederatedSignonPemCertsUrl).
  app.get('/oauth2/v1/certs', (_req, res) => {
    const k = signingKeys();
    res.json({ [k.kid]: k.publicKey.export({ format: 'pem', type: 'spki' }) });
  });
  app.get('/oauth2/v3/certs', (_req, res) => {
    const k = signingKeys();
    const jwk = k.publicKey.export({ format: 'jwk' });
    res.json({ keys: [{ ...jwk, kid: k.kid, alg: 'RS256', use: 'sig' }] });
  });
}
