// Owns CalDAV's answers for core's generic paths (injected faults without a body, quota,
// uncaught errors). A CalDAV server's error bodies are free text; clients read the status
// (and Retry-After on 429 and 503, RFC 9110 §10.2.3), so the body only names the status.
import type { ProviderHooks } from '../core/context.js';

export const THROTTLE_RETRY_AFTER_SECONDS = 1;

export const caldavHooks: ProviderHooks = {
  errorResponse(status, message) {
    return { body: { error: message ?? `CalDAV ${status}` } };
  },
  throttleResponse() {
    return { status: 429, body: { error: 'Too Many Requests' }, headers: { 'Retry-After': String(THROTTLE_RETRY_AFTER_SECONDS) } };
  },
};
