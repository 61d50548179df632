// The sync state of one intervention in one of its technician's calendars, as the API
// returns it with every intervention and the PWA shows it as a badge.
import { z } from 'zod';
import { calendarProviderSchema, integrationErrorCodeSchema } from './integrations.js';

/**
 * synced: the calendar shows the intervention as it is now (since `syncedAt`).
 * pending: a change waits for the sync worker, or for the person (reconnect, sync paused).
 * failed: the worker gave up (`reason`); "retry" or any change to the intervention writes it again.
 */
export const INTERVENTION_SYNC_STATES = ['synced', 'pending', 'failed'] as const;
export const interventionSyncStateSchema = z.enum(INTERVENTION_SYNC_STATES);
export type InterventionSyncStateName = z.infer<typeof interventionSyncStateSchema>;

export const interventionSyncSchema = z.object({
  provider: calendarProviderSchema,
  state: interventionSyncStateSchema,
  /** When the calendar last received this intervention; null until then. */
  syncedAt: z.string().nullable(),
  /** Why it waits or failed (a code the PWA words with what to do); null when nothing to say. */
  reason: integrationErrorCodeSchema.nullable(),
});
export type InterventionSync = z.infer<typeof interventionSyncSchema>;
