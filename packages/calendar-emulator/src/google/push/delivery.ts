// Owns the sending of one Google push notification (developers.google.com/calendar/api/guides/push,
// "Receiving notifications"): a bodiless POST with the X-Goog-* headers, its message number
// taken from the channel, and retries. Google counts 200/201/202/204/102 as delivered and
// retries 500/502/503/504 with exponential backoff; every other answer is a failure that is
// not retried. A network error (receiver down, connection refused) is retried like a 5xx.
// The backoff here is compressed (0.2 s, 1 s, 3 s, then give up) so tests finish; retries
// stop as soon as the channel is stopped or expired, or the emulator is reset. Also applies the delivery faults of
// the control API (receiver down, slow network), and keeps one log entry per message.
import type { EmulatorContext } from '../../core/context.js';
import type { Channel, ResourceState } from './channel.js';

export interface Delivery {
  channelId: string;
  state: ResourceState;
  messageNumber: number;
  /** Attempts made so far, and the answer to each (0 = no HTTP answer). */
  attempts: number;
  statuses: number[];
  /** Last answer (0 = no HTTP answer). */
  status: number;
  outcome: 'pending' | 'delivered' | 'failed' | 'abandoned';
  firstAttemptAt: string;
  lastAttemptAt: string;
}

export interface DeliveryFault {
  /** Only this channel (all channels when absent). */
  channelId?: string;
  /** `down`: no request reaches the receiver (as if the connection were refused). */
  down?: boolean;
  /** Delay before each attempt reaches the receiver. */
  latencyMs?: number;
  /** Attempts left this fault applies to (until cleared when absent). */
  times?: number;
}

export interface PushExt {
  deliveries?: Delivery[];
  deliveryFaults?: DeliveryFault[];
}

export const RETRY_DELAYS_MS = [200, 1000, 3000];
const SUCCESS = [200, 201, 202, 204, 102];
const RETRIED = [500, 502, 503, 504, 0];
const MAX_LOG = 5000;

const ext = (ctx: EmulatorContext) => ctx.state.ext.google as PushExt;
export const deliveries = (ctx: EmulatorContext): Delivery[] => (ext(ctx).deliveries ??= []);
export const deliveryFaults = (ctx: EmulatorContext): DeliveryFault[] => (ext(ctx).deliveryFaults ??= []);

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function takeFault(ctx: EmulatorContext, channelId: string): DeliveryFault | undefined {
  const list = deliveryFaults(ctx);
  const f = list.find((x) => x.channelId === undefined || x.channelId === channelId);
  if (f?.times !== undefined && --f.times <= 0) list.splice(list.indexOf(f), 1);
  return f;
}

function headersOf(ch: Channel, state: ResourceState, n: number): Record<string, string> {
  return {
    'X-Goog-Channel-ID': ch.id,
    'X-Goog-Channel-Expiration': new Date(ch.expiration).toUTCString(),
    'X-Goog-Message-Number': String(n),
    'X-Goog-Resource-ID': ch.resourceId,
    'X-Goog-Resource-URI': ch.resourceUri,
    'X-Goog-Resource-State': state,
    ...(ch.token !== undefined ? { 'X-Goog-Channel-Token': ch.token } : {}),
  };
}

async function attempt(ctx: EmulatorContext, ch: Channel, state: ResourceState, n: number): Promise<number> {
  const fault = takeFault(ctx, ch.id);
  if (fault?.latencyMs) await sleep(fault.latencyMs);
  if (fault?.down) return 0;
  try {
    const res = await fetch(ch.address, { method: 'POST', headers: headersOf(ch, state, n), signal: AbortSignal.timeout(10_000) });
    await res.arrayBuffer().catch(() => undefined);
    return res.status;
  } catch {
    return 0;
  }
}

function record(ctx: EmulatorContext, ch: Channel, state: ResourceState, n: number): Delivery {
  const now = new Date(ctx.clock.now()).toISOString();
  const d: Delivery = { channelId: ch.id, state, messageNumber: n, attempts: 0, statuses: [], status: 0, outcome: 'pending', firstAttemptAt: now, lastAttemptAt: now };
  const log = deliveries(ctx);
  log.push(d);
  if (log.length > MAX_LOG) log.splice(0, log.length - MAX_LOG);
  return d;
}

/** Sends one notification with the next message number of the channel, retrying as Google does. */
export async function deliver(ctx: EmulatorContext, ch: Channel, state: ResourceState): Promise<Delivery> {
  ch.messageNumber += 1;
  const d = record(ctx, ch, state, ch.messageNumber);
  const world = ctx.state.ext.google;
  for (;;) {
    const status = await attempt(ctx, ch, state, d.messageNumber);
    d.attempts += 1;
    d.statuses.push(status);
    d.status = status;
    d.lastAttemptAt = new Date(ctx.clock.now()).toISOString();
    if (SUCCESS.includes(status)) return Object.assign(d, { outcome: 'delivered' as const });
    if (!RETRIED.includes(status) || d.attempts > RETRY_DELAYS_MS.length) return Object.assign(d, { outcome: 'failed' as const });
    await sleep(RETRY_DELAYS_MS[d.attempts - 1]!);
    // A stopped or expired channel delivers nothing more, retries included; nor does one
    // from before a reset (its retries would reach the next test's receiver).
    if (ch.stopped || ch.expiration <= ctx.clock.now() || ctx.state.ext.google !== world) return Object.assign(d, { outcome: 'abandoned' as const });
  }
}
