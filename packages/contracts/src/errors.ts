// The body of every error the API returns. `code` is from a closed set so the PWA can
// translate it; `fields` names each bad input when the request was invalid.
import { z } from 'zod';

export const API_ERROR_CODES = [
  'VALIDATION_FAILED',
  'UNAUTHENTICATED',
  'INVALID_CREDENTIALS',
  'FORBIDDEN',
  'NOT_FOUND',
  'CONFLICT',
  'INTERNAL',
  /** 503: a dependency of the API (its database) is down; try again later. */
  'SERVICE_UNAVAILABLE',
  /** 413: the request body is larger than the API accepts. */
  'PAYLOAD_TOO_LARGE',
  /** 429: too many failed attempts (login) or requests; `retryAfterSeconds` says when to retry. */
  'TOO_MANY_ATTEMPTS',
  /** 409: calendars/settings asked for a provider the caller has not connected. */
  'INTEGRATION_NOT_CONNECTED',
  /** 409: the provider refused our grant (revoked/expired): show "Reconnect". */
  'INTEGRATION_NEEDS_RECONNECT',
  /** 503: the admin configured no OAuth app (and no emulator) for this provider. */
  'PROVIDER_NOT_CONFIGURED',
  /** 503: the provider is rate limiting us or briefly failing; try again later. */
  'PROVIDER_UNAVAILABLE',
  /** 502: the provider rejected the call for good (not a grant problem). */
  'PROVIDER_ERROR',
] as const;
export const apiErrorCodeSchema = z.enum(API_ERROR_CODES);
export type ApiErrorCode = z.infer<typeof apiErrorCodeSchema>;

/**
 * Field rules a client can translate without reading the message: set when a field broke
 * one of the shared rules (UNSAFE_TEXT: see safe-text.ts). Absent for ordinary checks.
 */
export const FIELD_RULES = ['UNSAFE_TEXT'] as const;
export const fieldRuleSchema = z.enum(FIELD_RULES);
export type FieldRule = z.infer<typeof fieldRuleSchema>;

export const fieldErrorSchema = z.object({ field: z.string(), message: z.string(), rule: fieldRuleSchema.optional() });
export type FieldError = z.infer<typeof fieldErrorSchema>;

export const apiErrorSchema = z.object({
  statusCode: z.number().int(),
  code: apiErrorCodeSchema,
  message: z.string(),
  fields: z.array(fieldErrorSchema).optional(),
  /** With TOO_MANY_ATTEMPTS: the Retry-After header's value, readable without CORS header exposure. */
  retryAfterSeconds: z.number().int().nonnegative().optional(),
});
export type ApiError = z.infer<typeof apiErrorSchema>;
