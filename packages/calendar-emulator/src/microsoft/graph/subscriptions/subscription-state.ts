// Owns the change-notification state kept in `ctx.state.ext.microsoft` (cleared by reset):
// subscriptions, the log of every delivery attempt, delivery faults and the tunable timings.
// Graph's real timings are in the defaults' comments; tests shorten the retry delays.
import type { EmulatorContext } from '../../../core/context.js';

export interface Subscription {
  id: string;
  /** As the client sent it (echoed back). */
  resource: string;
  email: string;
  /** The watched calendar: `me/events` is the default calendar (see README). */
  calendarId: string;
  changeTypes: Array<'created' | 'updated' | 'deleted'>;
  notificationUrl: string;
  lifecycleNotificationUrl?: string;
  clientState?: string;
  expirationMs: number;
  applicationId: string;
  creatorId: string;
  tenantId: string;
  /** Created with `Prefer: IdType="ImmutableId"`: notifications carry immutable ids. */
  immutableIds: boolean;
}

export type DeliveryKind = 'validation' | 'notification' | 'lifecycle';

export interface Delivery {
  time: string;
  subscriptionId: string;
  kind: DeliveryKind;
  /** changeType, or the lifecycleEvent. */
  event: string;
  url: string;
  attempt: number;
  /** HTTP status; 0 = no answer (refused, reset, timed out, or a `down` fault). */
  status: number;
  durationMs: number;
  outcome: 'delivered' | 'retrying' | 'dropped' | 'validated' | 'refused';
  fault?: 'down' | 'slow';
}

export interface DeliveryFault {
  /** Undefined = every subscription. */
  subscriptionId?: string;
  mode: 'down' | 'slow';
  /** For `slow`: added before the POST leaves. */
  latencyMs: number;
  /** Attempts it still applies to; undefined = until cleared. */
  times?: number;
}

export interface NotificationSettings {
  /** Outlook event subscriptions: 4230 minutes (graph subscription resource, lifetime table). */
  maxLifetimeMinutes: number;
  /** Graph retries failed deliveries with exponential backoff for up to 4 hours; compressed here. */
  retryDelaysMs: number[];
  /** A 2xx must come back within 3 s or the attempt counts as failed (webhooks delivery doc). */
  ackTimeoutMs: number;
  /** The validation echo must come back within 10 s. */
  validationTimeoutMs: number;
}

interface Ext {
  subscriptions?: Subscription[];
  deliveries?: Delivery[];
  deliveryFaults?: DeliveryFault[];
  notificationSettings?: NotificationSettings;
}

const ext = (ctx: EmulatorContext) => ctx.state.ext.microsoft as Ext;
export const subscriptions = (ctx: EmulatorContext): Subscription[] => (ext(ctx).subscriptions ??= []);
export const deliveries = (ctx: EmulatorContext): Delivery[] => (ext(ctx).deliveries ??= []);
export const deliveryFaults = (ctx: EmulatorContext): DeliveryFault[] => (ext(ctx).deliveryFaults ??= []);
export const notificationSettings = (ctx: EmulatorContext): NotificationSettings =>
  (ext(ctx).notificationSettings ??= { maxLifetimeMinutes: 4230, retryDelaysMs: [1000, 2000, 4000, 8000, 16000], ackTimeoutMs: 3000, validationTimeoutMs: 10_000 });

export function logDelivery(ctx: EmulatorContext, d: Omit<Delivery, 'time'>): void {
  const log = deliveries(ctx);
  log.push({ time: new Date(ctx.clock.now()).toISOString(), ...d });
  if (log.length > 5000) log.splice(0, log.length - 5000);
}

/** The fault that applies to this attempt (its `times` counted down), if any. */
export function takeFault(ctx: EmulatorContext, subscriptionId: string): DeliveryFault | undefined {
  const list = deliveryFaults(ctx);
  const f = list.find((x) => x.subscriptionId === undefined || x.subscriptionId === subscriptionId);
  if (!f) return undefined;
  if (f.times !== undefined && --f.times <= 0) list.splice(list.indexOf(f), 1);
  return f;
}

export const isLive = (ctx: EmulatorContext, s: Subscription) => s.expirationMs > ctx.clock.now();
