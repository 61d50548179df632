// Owns what is sent: change notifications for every write to a watched calendar (hooked on
// the write path's change signal, so API, batch and owner edits all notify) and lifecycle
// notifications (sent on demand through the control API). Expired subscriptions send nothing.
// Payloads as documented: graph/change-notifications-delivery-webhooks (notification shape),
// graph/change-notifications-lifecycle-events (lifecycleEvent). Ids follow the id form the
// subscription was created with (`Prefer: IdType="ImmutableId"`), as outlook-immutable-id says.
import type { EmulatorContext } from '../../../core/context.js';
import type { EventChange } from '../event-changes.js';
import type { GraphEventRecord } from '../event-record.js';
import { etagOf, restIdOf } from '../event-view.js';
import { instanceRecord, occurrenceId } from '../recurrence/instances.js';
import { deliver } from './delivery.js';
import { isLive, subscriptions, type Subscription } from './subscription-state.js';

const iso = (ms: number) => `${new Date(ms).toISOString().slice(0, 23)}0000Z`;
export const expirationOf = (s: Subscription) => iso(s.expirationMs);

function changedItem(change: EventChange, immutable: boolean): { id: string; rec: GraphEventRecord } {
  const master = change.event.body as unknown as GraphEventRecord;
  const base = immutable ? master.id : restIdOf(master);
  if (change.occurrenceStartMs === undefined) return { id: base, rec: master };
  return { id: occurrenceId(base, change.occurrenceStartMs), rec: instanceRecord(master, change.occurrenceStartMs) };
}

function changeNotification(s: Subscription, change: EventChange) {
  const { id, rec } = changedItem(change, s.immutableIds);
  const resource = `Users/${s.creatorId}/Events/${id}`;
  return {
    subscriptionId: s.id, subscriptionExpirationDateTime: expirationOf(s), changeType: change.changeType, resource,
    resourceData: { '@odata.type': '#Microsoft.Graph.Event', '@odata.id': resource, '@odata.etag': etagOf(rec), id },
    clientState: s.clientState ?? null, tenantId: s.tenantId,
  };
}

export function notifyChange(ctx: EmulatorContext, change: EventChange): void {
  for (const s of subscriptions(ctx)) {
    if (s.email !== change.email || s.calendarId !== change.calendarId || !s.changeTypes.includes(change.changeType) || !isLive(ctx, s)) continue;
    const payload = { value: [changeNotification(s, change)] };
    // After the write's own response: Graph notifies asynchronously.
    setImmediate(() => void deliver(ctx, s, 'notification', change.changeType, s.notificationUrl, payload));
  }
}

export type LifecycleEvent = 'reauthorizationRequired' | 'subscriptionRemoved' | 'missed';

export function sendLifecycle(ctx: EmulatorContext, s: Subscription, lifecycleEvent: LifecycleEvent): Promise<void> {
  const payload = { value: [{ subscriptionId: s.id, subscriptionExpirationDateTime: expirationOf(s), tenantId: s.tenantId, clientState: s.clientState ?? null, lifecycleEvent }] };
  return deliver(ctx, s, 'lifecycle', lifecycleEvent, s.lifecycleNotificationUrl!, payload);
}
