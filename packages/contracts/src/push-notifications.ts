// Two-way sync push: what the providers post to our public notification endpoints, as far as
// we read it. Google's notifications are headers only (X-Goog-Channel-ID / -Token /
// Resource-State); Microsoft Graph posts `{"value": [...]}` (change notifications, or
// lifecycle notifications with `lifecycleEvent`). Unknown fields are ignored; lengths are
// bounded so a forged flood costs little.
import { z } from 'zod';

export const GOOGLE_RESOURCE_STATES = ['sync', 'exists', 'not_exists'] as const;

export const googleNotificationSchema = z.object({
  channelId: z.string().min(1).max(256),
  token: z.string().max(256).default(''),
  resourceState: z.string().max(64),
});
export type GoogleNotification = z.infer<typeof googleNotificationSchema>;

export const GRAPH_LIFECYCLE_EVENTS = ['subscriptionRemoved', 'reauthorizationRequired', 'missed'] as const;

export const graphNotificationSchema = z.object({
  subscriptionId: z.string().min(1).max(256),
  clientState: z.string().max(256).nullish(),
  lifecycleEvent: z.string().max(64).optional(),
});

export const graphNotificationsSchema = z.object({
  value: z.array(graphNotificationSchema).max(1000),
});
export type GraphNotification = z.infer<typeof graphNotificationSchema>;
