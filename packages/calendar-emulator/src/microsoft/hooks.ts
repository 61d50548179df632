// Owns Microsoft's answers for core's generic paths (injected faults without a body, quota,
// uncaught errors): Graph's error envelope on Graph routes, the identity platform's body on
// identity routes, and 429 + Retry-After + ApplicationThrottled when over quota.
// Source: graph/concepts/throttling ("429 Too Many Requests" with Retry-After).
import { randomUUID } from 'node:crypto';
import type { ProviderHooks } from '../core/context.js';
import { graphErrorBody } from './graph/graph-error.js';

const GRAPH_CODES: Record<number, [string, string]> = {
  400: ['BadRequest', 'Bad request.'],
  401: ['InvalidAuthenticationToken', 'Access token validation failure.'],
  403: ['ErrorAccessDenied', 'Access is denied. Check credentials and try again.'],
  404: ['ErrorItemNotFound', 'The specified object was not found in the store.'],
  409: ['ErrorIrresolvableConflict', 'Conflict.'],
  412: ['ErrorIrresolvableConflict', 'The change key passed in the request does not match the current change key for the item.'],
  429: ['ApplicationThrottled', 'Application is over its MailboxConcurrency limit.'],
  500: ['InternalServerError', 'An internal server error occurred.'],
  502: ['BadGateway', 'Bad gateway.'],
  503: ['ServiceNotAvailable', 'The service is temporarily unavailable. Please retry later.'],
  504: ['GatewayTimeout', 'The gateway timed out.'],
};

export const THROTTLE_RETRY_AFTER_SECONDS = 1;

function identityError(status: number, message?: string) {
  const error = status === 401 ? 'invalid_client' : status === 429 ? 'temporarily_unavailable' : status >= 500 ? 'server_error' : 'invalid_request';
  const now = new Date();
  return {
    error,
    error_description: `AADSTS90033: ${message ?? 'A transient error has occurred. Please try again.'}\r\nTrace ID: ${randomUUID()}\r\nCorrelation ID: ${randomUUID()}\r\nTimestamp: ${now.toISOString()}`,
    error_codes: [90033],
    timestamp: now.toISOString().replace('T', ' ').replace(/\.\d{3}Z$/, 'Z'),
    trace_id: randomUUID(),
    correlation_id: randomUUID(),
  };
}

export const microsoftHooks: ProviderHooks = {
  errorResponse(status, message, route) {
    if (route === 'token' || route?.startsWith('identity.')) return { body: identityError(status, message) };
    const [code, text] = GRAPH_CODES[status] ?? ['UnknownError', 'An error occurred.'];
    const id = randomUUID();
    return { body: graphErrorBody(code, message ?? text, id), headers: { 'request-id': id } };
  },
  throttleResponse() {
    const id = randomUUID();
    return {
      status: 429,
      body: graphErrorBody('ApplicationThrottled', 'Application is over its MailboxConcurrency limit.', id),
      headers: { 'Retry-After': String(THROTTLE_RETRY_AFTER_SECONDS), 'request-id': id },
    };
  },
};
