// The identity platform's token/authorize error catalogue and body format.
// Body: {error, error_description:"AADSTSnnn: ...\r\nTrace ID: ...\r\nCorrelation ID: ...\r\nTimestamp: ...",
//        error_codes:[nnn], timestamp:"YYYY-MM-DD HH:MM:SSZ", trace_id, correlation_id, error_uri, suberror?}
// Sources: entra-docs reference-error-codes.md, v2-oauth2-auth-code-flow.md ("Error response").
import { randomUUID } from 'node:crypto';

interface AadErrorDef { status: number; error: string; message: string }

// Status: invalid_client is 401, every other token error 400 (provider-apis.md B1).
export const AADSTS = {
  70000: { status: 400, error: 'invalid_grant', message: "The provided value for the 'code' parameter is not valid." },
  70008: { status: 400, error: 'invalid_grant', message: 'The provided authorization code or refresh token has expired due to inactivity. Send a new interactive authorization request for this user and resource.' },
  700082: { status: 400, error: 'invalid_grant', message: 'The refresh token has expired due to inactivity. The token was issued on {issued} and was inactive for 90.00:00:00.' },
  50173: { status: 400, error: 'invalid_grant', message: "The provided grant has expired due to it being revoked, a fresh auth token is needed. The user might have changed or reset their password. The grant was issued on '{issued}' and the TokensValidFrom date (before which tokens are not valid) for this user is '{now}'." },
  70043: { status: 400, error: 'invalid_grant', message: 'The refresh token has expired or is invalid due to sign-in frequency checks by conditional access. The token was issued on {issued} and the maximum allowed lifetime for this request is 3600.' },
  54005: { status: 400, error: 'invalid_grant', message: 'OAuth2 Authorization code was already redeemed, please retry with a new valid code or use an existing refresh token.' },
  9002313: { status: 400, error: 'invalid_grant', message: 'Invalid request. Request is malformed or invalid.' },
  501481: { status: 400, error: 'invalid_grant', message: 'The Code_Verifier does not match the code_challenge supplied in the authorization request.' },
  500112: { status: 400, error: 'invalid_grant', message: 'The reply address does not match the reply address provided when requesting Authorization code.' },
  65001: { status: 400, error: 'invalid_grant', message: "The user or administrator has not consented to use the application with ID '{clientId}'." },
  700016: { status: 400, error: 'unauthorized_client', message: "Application with identifier '{clientId}' was not found in the directory '{tenant}'." },
  7000215: { status: 401, error: 'invalid_client', message: "Invalid client secret provided. Ensure the secret being sent in the request is the client secret value, not the client secret ID, for a secret added to app '{clientId}'." },
  7000218: { status: 401, error: 'invalid_client', message: "The request body must contain the following parameter: 'client_assertion' or 'client_secret'." },
  900144: { status: 400, error: 'invalid_request', message: "The request body must contain the following parameter: '{param}'." },
  70003: { status: 400, error: 'unsupported_grant_type', message: 'The app requested an unsupported grant type.' },
  70005: { status: 400, error: 'unsupported_response_type', message: "The provided value for the input parameter 'response_type' is not allowed for this request. Expected value: 'code'." },
  70011: { status: 400, error: 'invalid_scope', message: "The provided request must include a 'scope' input parameter." },
  50011: { status: 400, error: 'invalid_request', message: "The redirect URI '{redirectUri}' specified in the request does not match the redirect URIs configured for the application '{clientId}'." },
  65004: { status: 400, error: 'access_denied', message: 'User declined to consent to access the app.' },
  50058: { status: 400, error: 'login_required', message: 'A silent sign-in request was sent but no user is signed in.' },
  90002: { status: 400, error: 'invalid_request', message: "Tenant '{tenant}' not found. Check to make sure you have the correct tenant ID and are signing into the correct cloud." },
  50034: { status: 400, error: 'invalid_request', message: 'The user account {email} does not exist in the directory. To sign into this application, the account must be added to the directory.' },
  7000229: { status: 400, error: 'invalid_client', message: "The client application {clientId} is missing service principal in the tenant {tenant}. See instructions here: https://go.microsoft.com/fwlink/?linkid=2225119" },
  1002012: { status: 400, error: 'invalid_scope', message: "The provided value for scope {scope} is not valid. Client credential flows must have a scope value with /.default suffixed to the resource identifier (application ID URI)." },
  900023: { status: 400, error: 'invalid_request', message: "Specified tenant identifier '{tenant}' is neither a valid DNS name, nor a valid external domain. Use a tenant-specific endpoint for the client credentials flow." },
  900971: { status: 400, error: 'invalid_request', message: 'No reply address provided.' },
} as const satisfies Record<number, AadErrorDef>;

export type AadCode = keyof typeof AADSTS;

export interface AadErrorOptions {
  correlationId?: string;
  suberror?: string;
  vars?: Record<string, string>;
  now?: Date;
}

/** "2016-01-09 02:02:12Z", the format the identity platform uses in error bodies. */
export function aadTimestamp(d: Date): string {
  return d.toISOString().replace('T', ' ').replace(/\.\d{3}Z$/, 'Z');
}

export interface AadErrorResponse {
  status: number;
  body: Record<string, unknown>;
}

export function aadError(code: AadCode, opts: AadErrorOptions = {}): AadErrorResponse {
  const def: AadErrorDef = AADSTS[code];
  const now = opts.now ?? new Date();
  const traceId = randomUUID();
  const correlationId = opts.correlationId || randomUUID();
  const message = def.message.replace(/\{(\w+)\}/g, (_, k: string) => opts.vars?.[k] ?? (k === 'now' ? now.toISOString() : k));
  const timestamp = aadTimestamp(now);
  const body: Record<string, unknown> = {
    error: def.error,
    error_description: `AADSTS${code}: ${message}\r\nTrace ID: ${traceId}\r\nCorrelation ID: ${correlationId}\r\nTimestamp: ${timestamp}`,
    error_codes: [code],
    timestamp,
    trace_id: traceId,
    correlation_id: correlationId,
    error_uri: `https://login.microsoftonline.com/error?code=${code}`,
  };
  if (opts.suberror) body.suberror = opts.suberror;
  return { status: def.status, body };
}

export class AadError extends Error {
  constructor(readonly code: AadCode, readonly opts: Omit<AadErrorOptions, 'correlationId'> = {}) {
    super(`AADSTS${code}`);
  }
}
