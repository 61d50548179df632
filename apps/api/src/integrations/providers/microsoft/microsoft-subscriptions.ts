// Two-way sync push, Microsoft side (graph/api/subscription-post-subscriptions,
// change-notifications-lifecycle-events, provider-apis.md B3.5): a subscription on
// me/calendars/{id}/events (me/events would watch the default calendar only; an org-wide
// connection's app-only token names the mailbox: users/{mailbox}/calendars/{id}/events), changeType
// created,updated,deleted, our secret as clientState, a lifecycleNotificationUrl (a subscription
// without one may be removed without warning). Graph runs the validation handshake against both
// URLs inside the create call: an endpoint that does not echo it makes the create a 400.
// Renewal is a PATCH of expirationDateTime; DELETE of one already gone (404) is success.
import { GraphError, type Client } from '@microsoft/microsoft-graph-client';
import type { WatchHandle, WatchRequest } from '../calendar-provider';
import { ProviderError } from '../provider-error';
import { NO_RETRY } from './microsoft-graph';

interface SubscriptionAnswer {
  id?: string;
  expirationDateTime?: string;
}

/** `base`: the mailbox path of the calls (mailboxPath: /me, or /users/{mailbox} for app-only tokens). */
export async function createMicrosoftSubscription(client: Client, base: string, request: WatchRequest): Promise<WatchHandle> {
  const answer = (await client.api('/subscriptions').middlewareOptions(NO_RETRY).post({
    changeType: 'created,updated,deleted',
    resource: `${decodeURIComponent(base.replace(/^\//, ''))}/calendars/${request.calendarId}/events`,
    notificationUrl: request.address,
    lifecycleNotificationUrl: request.lifecycleAddress,
    clientState: request.secret,
    expirationDateTime: request.expiresAt.toISOString(),
  })) as SubscriptionAnswer;
  return handleOf(answer);
}

export async function renewMicrosoftSubscription(client: Client, watch: WatchHandle, expiresAt: Date): Promise<WatchHandle> {
  const answer = (await client
    .api(`/subscriptions/${encodeURIComponent(watch.channelId)}`)
    .middlewareOptions(NO_RETRY)
    .patch({ expirationDateTime: expiresAt.toISOString() })) as SubscriptionAnswer;
  return handleOf(answer);
}

export async function deleteMicrosoftSubscription(client: Client, watch: WatchHandle): Promise<void> {
  try {
    await client.api(`/subscriptions/${encodeURIComponent(watch.channelId)}`).middlewareOptions(NO_RETRY).delete();
  } catch (error) {
    if (!(error instanceof GraphError && error.statusCode === 404)) throw error;
  }
}

function handleOf(answer: SubscriptionAnswer): WatchHandle {
  const expiresAt = answer.expirationDateTime ? new Date(answer.expirationDateTime) : undefined;
  if (!answer.id || !expiresAt || Number.isNaN(expiresAt.getTime())) throw new ProviderError('PERMANENT', 'Microsoft Graph: subscription answer without id or expirationDateTime');
  return { channelId: answer.id, expiresAt };
}
