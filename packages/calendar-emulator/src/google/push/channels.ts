// Owns Google push channels (provider-apis.md A2.5, developers.google.com/calendar/api/guides/push):
// the channel registry in state.ext.google, and delivery of bodiless notifications:
// `sync` right after creation (message 1), then `exists` on every change of the calendar's
// events, until the channel expires or is stopped. 5xx answers are retried with backoff.
import type { EmulatorContext } from '../../core/context.js';

export interface Channel {
  id: string;
  resourceId: string;
  resourceUri: string;
  calendarId: string;
  email: string;
  address: string;
  token?: string;
  expiration: number;
  messageNumber: number;
  stopped: boolean;
}

export interface Delivery {
  time: string;
  channelId: string;
  state: 'sync' | 'exists';
  messageNumber: number;
  status: number;
}

interface PushExt {
  channels?: Channel[];
  deliveries?: Delivery[];
}

const ext = (ctx: EmulatorContext) => ctx.state.ext.google as PushExt;
export const channels = (ctx: EmulatorContext): Channel[] => (ext(ctx).channels ??= []);
export const deliveries = (ctx: EmulatorContext): Delivery[] => (ext(ctx).deliveries ??= []);

const RETRY_DELAYS_MS = [200, 1000, 3000];

async function post(ch: Channel, state: Delivery['state'], n: number): Promise<number> {
  const headers: Record<string, string> = {
    'X-Goog-Channel-ID': ch.id,
    'X-Goog-Channel-Expiration': new Date(ch.expiration).toUTCString(),
    'X-Goog-Message-Number': String(n),
    'X-Goog-Resource-ID': ch.resourceId,
    'X-Goog-Resource-URI': ch.resourceUri,
    'X-Goog-Resource-State': state,
    ...(ch.token !== undefined ? { 'X-Goog-Channel-Token': ch.token } : {}),
  };
  try {
    const res = await fetch(ch.address, { method: 'POST', headers, signal: AbortSignal.timeout(10_000) });
    await res.arrayBuffer().catch(() => undefined);
    return res.status;
  } catch {
    return 0;
  }
}

/** Sends one notification, retrying network errors and 5xx (the push guide's retry rule). */
export async function deliver(ctx: EmulatorContext, ch: Channel, state: Delivery['state']): Promise<void> {
  ch.messageNumber += 1;
  const n = ch.messageNumber;
  const log = deliveries(ctx);
  for (let attempt = 0; ; attempt++) {
    const status = await post(ch, state, n);
    log.push({ time: new Date(ctx.clock.now()).toISOString(), channelId: ch.id, state, messageNumber: n, status });
    if (log.length > 5000) log.splice(0, log.length - 5000);
    const retry = status === 0 || status >= 500;
    if (!retry || attempt >= RETRY_DELAYS_MS.length) return;
    await new Promise((r) => setTimeout(r, RETRY_DELAYS_MS[attempt]));
  }
}

/** Called after any change to an event of `calendarId`. Fire-and-forget. */
export function notifyCalendarChanged(ctx: EmulatorContext, calendarId: string): void {
  const now = ctx.clock.now();
  for (const ch of channels(ctx)) {
    if (ch.calendarId !== calendarId || ch.stopped || ch.expiration <= now) continue;
    void deliver(ctx, ch, 'exists');
  }
}
