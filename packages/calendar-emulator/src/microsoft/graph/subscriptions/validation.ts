// Owns the validation handshake Graph runs before it accepts a notification (or lifecycle)
// URL: POST {url}?validationToken=<token> with Content-Type text/plain; the endpoint must
// answer 200, text/plain, the URL-decoded token as the whole body, within 10 s. Otherwise the
// subscription is refused with 400. The token contains spaces and colons, as Graph's does, so
// an endpoint that echoes the raw (encoded) query string fails as it would against Graph.
// Source: graph/change-notifications-delivery-webhooks (notificationUrl validation);
// messages as reported in microsoftgraph/nodejs-webhooks-sample#158, #350, java-spring-webhooks-sample#82.
import { randomUUID } from 'node:crypto';
import type { EmulatorContext } from '../../../core/context.js';
import { GraphHttpError } from '../graph-error.js';
import { logDelivery, notificationSettings } from './subscription-state.js';

const refuse = (code: string, message: string) => new GraphHttpError(400, code, message);

export async function validateEndpoint(ctx: EmulatorContext, url: string, subscriptionId: string): Promise<void> {
  const token = `Validation: Testing client application reachability for subscription Request-Id: ${randomUUID()}`;
  const target = new URL(url);
  target.searchParams.set('validationToken', token);
  const started = Date.now();
  let status = 0;
  let body = '';
  let type = '';
  try {
    const res = await fetch(target, {
      method: 'POST', headers: { 'content-type': 'text/plain; charset=utf-8' },
      signal: AbortSignal.timeout(notificationSettings(ctx).validationTimeoutMs),
    });
    status = res.status;
    type = res.headers.get('content-type') ?? '';
    body = await res.text();
  } catch (e) {
    logDelivery(ctx, { subscriptionId, kind: 'validation', event: 'validation', url, attempt: 1, status: 0, durationMs: Date.now() - started, outcome: 'refused' });
    if (e instanceof Error && e.name === 'TimeoutError') throw refuse('InvalidRequest', 'Subscription validation request timed out.');
    throw refuse('ValidationError', 'Subscription validation request failed. Notification endpoint must respond with 200 OK to validation request.');
  }
  const ok = status === 200 && /^text\/plain\b/i.test(type) && body === token;
  logDelivery(ctx, { subscriptionId, kind: 'validation', event: 'validation', url, attempt: 1, status, durationMs: Date.now() - started, outcome: ok ? 'validated' : 'refused' });
  if (status !== 200) throw refuse('ValidationError', 'Subscription validation request failed. Notification endpoint must respond with 200 OK to validation request.');
  if (!/^text\/plain\b/i.test(type)) throw refuse('ValidationError', 'Subscription validation request failed. Response must have Content-Type text/plain.'); // (U) wording
  if (body !== token) throw refuse('ValidationError', 'Subscription validation request failed. Response must exactly match validationToken query parameter.');
}
