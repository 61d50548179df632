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

async function ask(url: URL, timeoutMs: number): Promise<{ status: number; type: string; body: string }> {
  const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'text/plain; charset=utf-8' }, signal: AbortSignal.timeout(timeoutMs) });
  return { status: res.status, type: res.headers.get('content-type') ?? '', body: await res.text() };
}

export async function validateEndpoint(ctx: EmulatorContext, url: string, subscriptionId: string): Promise<void> {
  const token = `Validation: Testing client application reachability for subscription Request-Id: ${randomUUID()}`;
  const target = new URL(url);
  target.searchParams.set('validationToken', token);
  const started = Date.now();
  const log = (status: number, ok: boolean) => logDelivery(ctx, {
    subscriptionId, kind: 'validation', event: 'validation', url, attempt: 1, status, durationMs: Date.now() - started, outcome: ok ? 'validated' : 'refused',
  });
  let answer: { status: number; type: string; body: string };
  try {
    answer = await ask(target, notificationSettings(ctx).validationTimeoutMs);
  } catch (e) {
    log(0, false);
    if (e instanceof Error && e.name === 'TimeoutError') throw refuse('InvalidRequest', 'Subscription validation request timed out.');
    throw refuse('ValidationError', 'Subscription validation request failed. Notification endpoint must respond with 200 OK to validation request.');
  }
  const textPlain = /^text\/plain\b/i.test(answer.type);
  log(answer.status, answer.status === 200 && textPlain && answer.body === token);
  if (answer.status !== 200) throw refuse('ValidationError', 'Subscription validation request failed. Notification endpoint must respond with 200 OK to validation request.');
  if (!textPlain) throw refuse('ValidationError', 'Subscription validation request failed. Response must have Content-Type text/plain.'); // (U) wording
  if (answer.body !== token) throw refuse('ValidationError', 'Subscription validation request failed. Response must exactly match validationToken query parameter.');
}
