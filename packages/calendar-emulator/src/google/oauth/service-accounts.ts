// Owns Google Workspace service accounts with domain-wide delegation: a control call
// registers one (and returns its JSON key, as the Cloud console's "Add key" does), the Admin
// console's delegation (client id -> scopes) is set by another, and POST /token answers the
// JWT bearer grant (`grant_type=urn:ietf:params:oauth:grant-type:jwt-bearer`, `assertion` =
// an RS256 JWT signed with the key: iss = client_email, scope, aud = the token URI, iat/exp
// at most one hour apart, `sub` = the user to act as). The access token acts as `sub`: the
// Calendar routes treat it as that user's own token.
// Sources: developers.google.com/identity/protocols/oauth2/service-account ("Preparing to
// make an authorized API call", "Addendum: Service account authorization without OAuth",
// "Delegating domain-wide authority"), support.google.com/a/answer/162106 (Admin console
// domain-wide delegation: client ID + OAuth scopes). Errors as Google answers them: a scope not
// delegated -> 401 unauthorized_client "Client is unauthorized to retrieve access tokens using
// this method, or client not authorized for any of the scopes requested."; a bad signature or
// deleted key -> 400 invalid_grant "Invalid JWT Signature."; an unknown `sub` -> 400
// invalid_grant "Invalid email or User ID"; iat/exp off -> 400 invalid_grant "Invalid JWT:
// Token must be a short-lived token (60 minutes) and in a reasonable timeframe." (U: wording
// as reported by users).
import { createVerify, generateKeyPairSync, randomBytes } from 'node:crypto';
import type { EmulatorContext } from '../../core/context.js';
import { findAccount } from '../../core/state.js';
import { mintAccessToken } from '../../core/tokens.js';

export const JWT_BEARER = 'urn:ietf:params:oauth:grant-type:jwt-bearer';
/** The audience Google's libraries always sign (google-auth-library's gtoken), accepted beside our own token URL. */
const GOOGLE_TOKEN_AUD = 'https://oauth2.googleapis.com/token';
const TTL_S = 3599;

export interface ServiceAccount {
  clientEmail: string;
  clientId: string;
  privateKeyId: string;
  publicKeyPem: string;
  /** Scopes granted by domain-wide delegation (Admin console); none: delegation not granted. */
  delegatedScopes: string[];
  keyDeleted: boolean;
}

export class JwtGrantError extends Error {
  constructor(readonly status: number, readonly error: string, readonly description: string) {
    super(description);
  }
}

export function serviceAccounts(ctx: EmulatorContext): ServiceAccount[] {
  const ext = ctx.state.ext.google as { serviceAccounts?: ServiceAccount[] };
  ext.serviceAccounts ??= [];
  return ext.serviceAccounts;
}

/** Registers a service account; answers its JSON key (the only time the private key exists). */
export function createServiceAccount(ctx: EmulatorContext, name: string, delegatedScopes: string[]): Record<string, string> {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const clientEmail = `${name}@fs-emulator.iam.gserviceaccount.com`;
  const account: ServiceAccount = {
    clientEmail,
    clientId: String(BigInt(`0x${randomBytes(8).toString('hex')}`)).padStart(21, '1'),
    privateKeyId: randomBytes(20).toString('hex'),
    publicKeyPem: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
    delegatedScopes,
    keyDeleted: false,
  };
  const list = serviceAccounts(ctx);
  const existing = list.findIndex((a) => a.clientEmail === clientEmail);
  if (existing >= 0) list.splice(existing, 1);
  list.push(account);
  return {
    type: 'service_account',
    project_id: 'fs-emulator',
    private_key_id: account.privateKeyId,
    private_key: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
    client_email: clientEmail,
    client_id: account.clientId,
    auth_uri: `${ctx.urls.http}/o/oauth2/v2/auth`,
    token_uri: `${ctx.urls.http}/token`,
    auth_provider_x509_cert_url: `${ctx.urls.http}/oauth2/v1/certs`,
    client_x509_cert_url: `${ctx.urls.http}/robot/v1/metadata/x509/${encodeURIComponent(clientEmail)}`,
    universe_domain: 'googleapis.com',
  };
}

export function findServiceAccount(ctx: EmulatorContext, id: string): ServiceAccount | undefined {
  return serviceAccounts(ctx).find((a) => a.clientEmail === id || a.clientId === id);
}

const decode = (part: string) => JSON.parse(Buffer.from(part, 'base64url').toString('utf8')) as Record<string, unknown>;
const invalidGrant = (d: string) => new JwtGrantError(400, 'invalid_grant', d);

/** The JWT bearer grant: verify the assertion, check delegation, mint a token acting as `sub`. */
export function redeemJwtBearer(ctx: EmulatorContext, assertion: string | undefined): Record<string, unknown> {
  if (!assertion) throw new JwtGrantError(400, 'invalid_request', 'Missing required parameter: assertion');
  const parts = assertion.split('.');
  if (parts.length !== 3) throw invalidGrant('Invalid JWT Signature.');
  let header: Record<string, unknown>;
  let claims: Record<string, unknown>;
  try {
    header = decode(parts[0]!);
    claims = decode(parts[1]!);
  } catch {
    throw invalidGrant('Invalid JWT Signature.');
  }
  const account = typeof claims.iss === 'string' ? findServiceAccount(ctx, claims.iss) : undefined;
  if (!account) throw invalidGrant('Invalid grant: account not found');
  const verifier = createVerify('RSA-SHA256').update(`${parts[0]}.${parts[1]}`);
  if (header.alg !== 'RS256' || account.keyDeleted || !verifier.verify(account.publicKeyPem, Buffer.from(parts[2]!, 'base64url'))) {
    throw invalidGrant('Invalid JWT Signature.');
  }
  const nowS = Math.floor(ctx.clock.now() / 1000);
  const iat = Number(claims.iat);
  const exp = Number(claims.exp);
  if (!(exp > iat) || exp - iat > 3600 || iat > nowS + 300 || exp < nowS - 300) {
    throw invalidGrant('Invalid JWT: Token must be a short-lived token (60 minutes) and in a reasonable timeframe. Check your iat and exp values in the JWT claim.');
  }
  if (claims.aud !== GOOGLE_TOKEN_AUD && claims.aud !== `${ctx.urls.http}/token`) throw invalidGrant('Invalid JWT: Failed audience check.');
  const scopes = String(claims.scope ?? '').split(/\s+/).filter(Boolean);
  if (scopes.length === 0) throw new JwtGrantError(400, 'invalid_scope', 'Invalid OAuth scope or ID token audience provided.');
  const sub = typeof claims.sub === 'string' ? claims.sub : undefined;
  if (!sub) throw new JwtGrantError(400, 'invalid_request', 'The emulator serves delegated (sub) service-account tokens only.');
  const user = findAccount(ctx.state, 'google', sub);
  if (!user) throw invalidGrant('Invalid email or User ID');
  if (!scopes.every((s) => account.delegatedScopes.includes(s))) {
    throw new JwtGrantError(401, 'unauthorized_client', 'Client is unauthorized to retrieve access tokens using this method, or client not authorized for any of the scopes requested.');
  }
  const at = mintAccessToken(ctx.state, { provider: 'google', email: user.email, clientId: account.clientId, scopes }, ctx.clock.now(), TTL_S, 'ya29.c.');
  return { access_token: at.token, expires_in: TTL_S, token_type: 'Bearer' };
}
