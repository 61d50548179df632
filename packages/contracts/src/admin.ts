// The admin's overview of calendar integrations: every technician's connections, so an
// admin sees who must reconnect. Tokens never appear here.
import { z } from 'zod';
import { calendarProviderSchema, integrationErrorCodeSchema, integrationStatusSchema } from './integrations.js';

export const adminIntegrationSchema = z.object({
  userId: z.uuid(),
  userName: z.string(),
  userEmail: z.string(),
  provider: calendarProviderSchema,
  status: integrationStatusSchema,
  accountEmail: z.string().nullable(),
  /** When an event was last written for this integration; null when never. */
  lastSyncAt: z.string().nullable(),
  /** Interventions the worker gave up on (FAILED), waiting for a change or a retry. */
  failedCount: z.number().int().nonnegative(),
  lastError: integrationErrorCodeSchema.nullable(),
});
export type AdminIntegration = z.infer<typeof adminIntegrationSchema>;
