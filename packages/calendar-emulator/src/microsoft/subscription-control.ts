// Owns the control routes for Graph change notifications, under /_emulator/microsoft/subscriptions:
//   GET    /subscriptions            every subscription (`live` false once expired) and every
//                                    delivery attempt (validation, notification, lifecycle) with its status
//   POST   /subscriptions/lifecycle  {subscriptionId, lifecycleEvent: reauthorizationRequired|subscriptionRemoved|missed}
//                                    sends it to lifecycleNotificationUrl; subscriptionRemoved also removes it
//   POST   /subscriptions/faults     {subscriptionId?, mode: 'down'|'slow', latencyMs?, times?}: deliveries fail
//                                    without reaching the receiver (down) or leave late (slow)
//   DELETE /subscriptions/faults     clears them
//   POST   /subscriptions/settings   {maxLifetimeMinutes?, retryDelaysMs?, ackTimeoutMs?, validationTimeoutMs?}
import type { Express, Request, Response } from 'express';
import type { EmulatorContext } from '../core/context.js';
import { bodyOf, guarded } from './control-input.js';
import { sendLifecycle, type LifecycleEvent } from './graph/subscriptions/notify.js';
import { deliveries, deliveryFaults, isLive, notificationSettings, subscriptions, type DeliveryFault } from './graph/subscriptions/subscription-state.js';

const LIFECYCLE: LifecycleEvent[] = ['reauthorizationRequired', 'subscriptionRemoved', 'missed'];
const nonNegative = (v: unknown, name: string): number => {
  if (typeof v !== 'number' || !Number.isFinite(v) || v < 0) throw new Error(`${name} must be a number >= 0`);
  return v;
};

export function registerSubscriptionControl(app: Express, ctx: EmulatorContext, base: string): void {
  const root = `${base}/subscriptions`;
  app.get(root, (_req, res) => {
    res.json({
      subscriptions: subscriptions(ctx).map((s) => ({ ...s, expirationDateTime: new Date(s.expirationMs).toISOString(), live: isLive(ctx, s) })),
      deliveries: deliveries(ctx), faults: deliveryFaults(ctx), settings: notificationSettings(ctx),
    });
  });

  app.post(`${root}/lifecycle`, async (req: Request, res: Response) => {
    const b = bodyOf(req);
    const s = subscriptions(ctx).find((x) => x.id === b.subscriptionId);
    const event = LIFECYCLE.find((e) => e === b.lifecycleEvent);
    if (!s || !event) return void res.status(400).json({ error: `unknown subscription '${String(b.subscriptionId)}' or lifecycleEvent (${LIFECYCLE.join(', ')})` });
    if (!s.lifecycleNotificationUrl) return void res.status(400).json({ error: 'the subscription has no lifecycleNotificationUrl' });
    if (event === 'subscriptionRemoved') subscriptions(ctx).splice(subscriptions(ctx).indexOf(s), 1);
    await sendLifecycle(ctx, s, event);
    res.json({ deliveries: deliveries(ctx).filter((d) => d.subscriptionId === s.id && d.kind === 'lifecycle') });
  });

  app.post(`${root}/faults`, guarded((b) => {
    if (b.mode !== 'down' && b.mode !== 'slow') throw new Error("mode must be 'down' or 'slow'");
    const fault: DeliveryFault = {
      mode: b.mode, latencyMs: b.latencyMs === undefined ? 0 : nonNegative(b.latencyMs, 'latencyMs'),
      ...(typeof b.subscriptionId === 'string' ? { subscriptionId: b.subscriptionId } : {}),
      ...(b.times !== undefined ? { times: nonNegative(b.times, 'times') } : {}),
    };
    deliveryFaults(ctx).push(fault);
    return { status: 201, body: { fault } };
  }));
  app.delete(`${root}/faults`, guarded(() => {
    deliveryFaults(ctx).splice(0);
    return { faults: [] };
  }));

  app.post(`${root}/settings`, guarded((b) => {
    const s = notificationSettings(ctx);
    if (b.maxLifetimeMinutes !== undefined) s.maxLifetimeMinutes = nonNegative(b.maxLifetimeMinutes, 'maxLifetimeMinutes');
    if (b.ackTimeoutMs !== undefined) s.ackTimeoutMs = nonNegative(b.ackTimeoutMs, 'ackTimeoutMs');
    if (b.validationTimeoutMs !== undefined) s.validationTimeoutMs = nonNegative(b.validationTimeoutMs, 'validationTimeoutMs');
    if (b.retryDelaysMs !== undefined) {
      if (!Array.isArray(b.retryDelaysMs)) throw new Error('retryDelaysMs must be an array of numbers');
      s.retryDelaysMs = b.retryDelaysMs.map((d) => nonNegative(d, 'retryDelaysMs[]'));
    }
    return s;
  }));
}
