// Org-wide connections: an admin connects the company's Microsoft 365 (admin consent) or
// Google Workspace (service account with domain-wide delegation) once, and every covered
// technician's calendar is written by their work email. Secrets never appear here.
import { z } from 'zod';
import { integrationErrorCodeSchema, integrationStatusSchema } from './integrations.js';
import { safeString } from './safe-text.js';

export const ORGANISATION_PROVIDERS = ['microsoft', 'google'] as const;
export const organisationProviderSchema = z.enum(ORGANISATION_PROVIDERS);
export type OrganisationProviderId = z.infer<typeof organisationProviderSchema>;

export const organisationConnectionSchema = z.object({
  provider: organisationProviderSchema,
  /** False when the server has no app for this provider (no OAuth client, no emulator). */
  available: z.boolean(),
  /** NEEDS_RECONNECT: the consent was withdrawn (or the key revoked); technicians' sync is paused. */
  status: integrationStatusSchema,
  /** Microsoft: the tenant id; Google: the service account's address. */
  tenant: z.string().nullable(),
  coverAll: z.boolean(),
  coveredUserIds: z.array(z.uuid()),
  /** Null: each technician's primary calendar. */
  calendarName: z.string().nullable(),
  lastError: integrationErrorCodeSchema.nullable(),
  connectedAt: z.string().nullable(),
});
export type OrganisationConnection = z.infer<typeof organisationConnectionSchema>;

/**
 * SYNCED: the company's connection writes this technician's calendar. NO_MAILBOX: no mailbox
 * answers to their email. NO_ACCESS: the company's policy keeps the app out of that mailbox.
 * PAUSED: the company's consent is gone. NOT_COVERED: left out by the admin's list.
 */
export const ORGANISATION_MEMBER_STATES = ['SYNCED', 'NO_MAILBOX', 'NO_ACCESS', 'PAUSED', 'NOT_COVERED'] as const;
export const organisationMemberStateSchema = z.enum(ORGANISATION_MEMBER_STATES);
export type OrganisationMemberState = z.infer<typeof organisationMemberStateSchema>;

export const organisationTechnicianSchema = z.object({
  userId: z.uuid(),
  name: z.string(),
  email: z.string(),
  state: organisationMemberStateSchema,
  calendarName: z.string().nullable(),
  /** Their personal connection of this provider, replaced by the company's. */
  supersededAccountEmail: z.string().nullable(),
});
export type OrganisationTechnician = z.infer<typeof organisationTechnicianSchema>;

/** POST /admin/organisation-connections/:provider/settings */
export const organisationSettingsSchema = z
  .strictObject({
    coverAll: z.boolean().optional(),
    userIds: z.array(z.uuid()).max(1000).optional(),
    /** Null: the primary calendar; a name: that calendar, created in each mailbox if missing. */
    calendarName: safeString().trim().min(1).max(255).nullable().optional(),
  })
  .refine((v) => Object.values(v).some((value) => value !== undefined), { message: 'give coverAll, userIds or calendarName' });
export type OrganisationSettingsRequest = z.input<typeof organisationSettingsSchema>;

/** POST /admin/organisation-connections/google: the service account's JSON key, as downloaded. Stored sealed, never returned. */
export const googleServiceAccountSchema = z.strictObject({
  serviceAccountKey: z.string().min(2).max(20_000),
});
export type GoogleServiceAccountRequest = z.input<typeof googleServiceAccountSchema>;
