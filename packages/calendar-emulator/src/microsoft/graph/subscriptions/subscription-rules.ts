// Owns the pure checks of a subscription request: which calendar a `resource` watches, the
// changeType list, the expiration window, the notification URL scheme, clientState length.
// Error codes and messages follow what Graph is reported to answer (provider-apis.md B3.5;
// microsoft-graph-docs-contrib#7726 for the lifetime message); those marked (U) are ours.
import type { Calendar } from '../../../core/types.js';
import { GraphHttpError, graphErrors } from '../graph-error.js';

export type ChangeType = 'created' | 'updated' | 'deleted';
const CHANGE_TYPES: ChangeType[] = ['created', 'updated', 'deleted'];
const MINUTE = 60_000;

const bad = (code: string, message: string) => new GraphHttpError(400, code, message);

export interface Caller { email: string; objectId: string; calendars: Calendar[] }

/**
 * `me/events` and `users/{id|upn}/events` watch the default calendar (Graph delivers nothing
 * for other calendars on that resource: microsoft-graph-docs-contrib#51, #6150);
 * `.../calendars/{id}/events` watches that calendar. Another user's mailbox: 403 (U).
 */
export function watchedCalendar(resource: unknown, caller: Caller): Calendar {
  const raw = typeof resource === 'string' ? resource.trim().replace(/^\/+/, '') : '';
  const m = /^(?:me|users\/([^/]+))\/(?:(events)|calendar\/events|calendars\/([^/]+)\/events)$/i.exec(raw);
  if (!m) throw bad('ExtensionError', `Operation: Create; Exception: [Status Code: BadRequest; Reason: The value '${raw}' of parameter 'Resource' is not supported.]`);
  const user = m[1] ? decodeURIComponent(m[1]).toLowerCase() : undefined;
  if (user !== undefined && user !== caller.email.toLowerCase() && user !== caller.objectId.toLowerCase()) throw graphErrors.accessDenied();
  const cal = m[3] === undefined ? caller.calendars.find((c) => c.primary) : caller.calendars.find((c) => c.id === decodeURIComponent(m[3]));
  if (!cal) throw graphErrors.notFound();
  return cal;
}

export function parseChangeTypes(v: unknown): ChangeType[] {
  const parts = typeof v === 'string' ? v.split(',').map((s) => s.trim()).filter(Boolean) : [];
  const out = parts.map((p) => CHANGE_TYPES.find((c) => c === p));
  if (out.length === 0 || out.includes(undefined)) throw bad('InvalidRequest', `Invalid changeType '${String(v)}'. Allowed values: created, updated, deleted.`);
  return [...new Set(out as ChangeType[])];
}

/** Absolute expiration in epoch ms; in the future and at most `maxMinutes` away. */
export function parseExpiration(v: unknown, now: number, maxMinutes: number): number {
  const ms = typeof v === 'string' ? Date.parse(v) : NaN;
  if (Number.isNaN(ms)) throw bad('InvalidRequest', "Property 'expirationDateTime' must be a valid date and time.");
  if (ms <= now) throw bad('InvalidRequest', 'Subscription expiration date must be in the future.'); // (U) wording
  if (ms > now + maxMinutes * MINUTE) throw bad('ExtensionError', `Subscription expiration can only be ${maxMinutes} minutes in the future.`);
  return ms;
}

/**
 * Graph requires public HTTPS endpoints. Dev-mode leniency: http://localhost and
 * http://127.0.0.1 (any port) are accepted too, so a local API can receive notifications.
 */
export function checkEndpoint(v: unknown, field: string): string {
  let u: URL;
  try {
    u = new URL(String(v));
  } catch {
    throw bad('InvalidRequest', `Property '${field}' must be an absolute URL.`);
  }
  const local = u.protocol === 'http:' && (u.hostname === 'localhost' || u.hostname === '127.0.0.1');
  if (u.protocol !== 'https:' && !local) throw bad('InvalidRequest', `Property '${field}' must use https.`); // (U) wording
  return u.toString();
}

export function checkClientState(v: unknown): string | undefined {
  if (v === undefined || v === null) return undefined;
  if (typeof v !== 'string' || v.length > 128) throw bad('InvalidRequest', "Property 'clientState' must be a string of at most 128 characters.");
  return v;
}
