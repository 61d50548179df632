// Owns the push control calls (HTTP origin, JSON, no auth like the rest of /_emulator):
//   GET    /_emulator/google/channels       every channel with its state (active, stopped,
//                                           expired on the emulator clock, gone) and every
//                                           notification: attempts, each status, outcome
//   POST   /_emulator/google/push/faults    {channelId?, down?: true, latencyMs?, times?}:
//                                           the receiver is down (no request reaches it, as a
//                                           refused connection) and/or the network is slow
//   DELETE /_emulator/google/push/faults    clears them
import type { Express } from 'express';
import type { EmulatorContext } from '../../core/context.js';
import { channelState, channels } from './channels.js';
import { deliveries, deliveryFaults } from './delivery.js';
import type { DeliveryFault } from './delivery.js';

function parseFault(b: Record<string, unknown>): DeliveryFault | string {
  const f: DeliveryFault = {};
  if (b.channelId !== undefined) {
    if (typeof b.channelId !== 'string') return 'channelId must be a string';
    f.channelId = b.channelId;
  }
  if (b.down === true) f.down = true;
  for (const k of ['latencyMs', 'times'] as const) {
    if (b[k] === undefined) continue;
    if (typeof b[k] !== 'number' || !(b[k] >= 0)) return `${k} must be a non-negative number`;
    f[k] = b[k];
  }
  if (!f.down && !f.latencyMs) return 'a delivery fault needs down: true or latencyMs';
  return f;
}

export function registerPushControl(app: Express, ctx: EmulatorContext): void {
  app.get('/_emulator/google/channels', (_req, res) => {
    const now = ctx.clock.now();
    res.json({
      channels: channels(ctx).map((ch) => ({ ...ch, state: channelState(ch, now), expiration: String(ch.expiration) })),
      deliveries: deliveries(ctx),
    });
  });
  app.post('/_emulator/google/push/faults', (req, res) => {
    const f = parseFault((req.body ?? {}) as Record<string, unknown>);
    if (typeof f === 'string') return void res.status(400).json({ error: f });
    deliveryFaults(ctx).push(f);
    res.status(201).json({ faults: deliveryFaults(ctx) });
  });
  app.delete('/_emulator/google/push/faults', (_req, res) => {
    deliveryFaults(ctx).length = 0;
    res.json({ faults: [] });
  });
}
