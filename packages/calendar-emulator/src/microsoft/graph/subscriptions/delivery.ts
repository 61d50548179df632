// Owns sending one notification payload (change or lifecycle) to a subscriber and retrying
// it: an attempt succeeds on a 2xx that arrives within the ack timeout (3 s in Graph); any
// other status, a refused connection or a timeout is retried with exponential backoff (Graph
// keeps trying for up to 4 hours; the emulator's delays are configurable and short), then
// dropped. Retries stop when the subscription is deleted, expires or the emulator is reset.
// Delivery faults (control API): `down` fails an attempt without reaching the receiver;
// `slow` delays the request by latencyMs inside the ack window, so past the ack timeout the
// receiver still gets it but the attempt counts as failed and is retried (a duplicate, as
// with a slow endpoint on Graph). Every attempt is logged for the control API.
// Source: graph/change-notifications-delivery-webhooks ("HTTP codes and retry logic").
import type { EmulatorContext } from '../../../core/context.js';
import { isLive, logDelivery, notificationSettings, subscriptions, takeFault, type DeliveryFault, type DeliveryKind, type Subscription } from './subscription-state.js';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function post(url: string, payload: unknown, timeoutMs: number): Promise<number> {
  try {
    const res = await fetch(url, {
      method: 'POST', headers: { 'content-type': 'application/json; charset=utf-8' },
      body: JSON.stringify(payload), signal: AbortSignal.timeout(timeoutMs),
    });
    await res.arrayBuffer().catch(() => undefined);
    return res.status;
  } catch {
    return 0;
  }
}

async function attemptWith(fault: DeliveryFault | undefined, url: string, payload: unknown, ackMs: number): Promise<number> {
  if (fault?.mode === 'down') return 0;
  if (fault?.mode !== 'slow') return post(url, payload, ackMs);
  if (fault.latencyMs < ackMs) {
    await sleep(fault.latencyMs);
    return post(url, payload, ackMs - fault.latencyMs);
  }
  await sleep(ackMs);
  // Too late to count: it still arrives, after the window.
  setTimeout(() => void post(url, payload, ackMs), fault.latencyMs - ackMs);
  return 0;
}

/** Whether this subscription object is still the one in the current state, and live. */
const stillWanted = (ctx: EmulatorContext, sub: Subscription) => subscriptions(ctx).includes(sub) && isLive(ctx, sub);

export async function deliver(ctx: EmulatorContext, sub: Subscription, kind: DeliveryKind, event: string, url: string, payload: unknown): Promise<void> {
  const settings = notificationSettings(ctx);
  for (let attempt = 1; ; attempt++) {
    const fault = takeFault(ctx, sub.id);
    const started = Date.now();
    const status = await attemptWith(fault, url, payload, settings.ackTimeoutMs);
    const ok = status >= 200 && status < 300;
    const last = attempt > settings.retryDelaysMs.length;
    logDelivery(ctx, {
      subscriptionId: sub.id, kind, event, url, attempt, status, durationMs: Date.now() - started,
      outcome: ok ? 'delivered' : last ? 'dropped' : 'retrying', ...(fault ? { fault: fault.mode } : {}),
    });
    if (ok || last) return;
    await sleep(settings.retryDelaysMs[attempt - 1]);
    if (kind === 'notification' && !stillWanted(ctx, sub)) return;
  }
}
