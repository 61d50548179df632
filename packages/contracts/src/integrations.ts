// Calendar integrations: a person's connection to Google Calendar, Microsoft Outlook or a
// CalDAV server, as the API shows it to the PWA. Tokens and passwords never appear here.
import { z } from 'zod';
import { safeString } from './safe-text.js';
import { syncModeSchema } from './sync-mode.js';

export const CALENDAR_PROVIDERS = ['google', 'microsoft', 'caldav'] as const;
export const calendarProviderSchema = z.enum(CALENDAR_PROVIDERS);
export type CalendarProviderId = z.infer<typeof calendarProviderSchema>;

/**
 * NOT_CONNECTED: never connected or disconnected. CONNECTED: tokens work.
 * NEEDS_RECONNECT: the provider refused our grant (revoked, expired): the person must
 * connect again; nothing syncs until then. DISCONNECTING: the person disconnected and asked
 * us to remove the events we wrote; the grant is revoked once they are gone.
 */
export const INTEGRATION_STATUSES = ['NOT_CONNECTED', 'CONNECTED', 'NEEDS_RECONNECT', 'DISCONNECTING'] as const;
export const integrationStatusSchema = z.enum(INTEGRATION_STATUSES);
export type IntegrationStatus = z.infer<typeof integrationStatusSchema>;

/** Why a connection attempt or a provider call failed; the PWA translates each. */
export const INTEGRATION_ERROR_CODES = [
  'ACCESS_DENIED',
  'STATE_INVALID',
  'AUTH_REVOKED',
  'RATE_LIMITED',
  'TRANSIENT',
  'NOT_FOUND',
  'PERMANENT',
  'NOT_CONFIGURED',
  /** Our stored tokens cannot be decrypted (their key was removed from the server's configuration): reconnect. */
  'TOKEN_UNREADABLE',
  /** Org-wide connection: the company's consent was withdrawn; sync is paused until an admin reconnects. */
  'ORGANISATION_PAUSED',
  /** Org-wide connection: no mailbox answers to the technician's email. */
  'NO_MAILBOX',
  /** Org-wide connection: the mailbox exists but the company's policy keeps the app out of it. */
  'MAILBOX_NO_ACCESS',
] as const;
export const integrationErrorCodeSchema = z.enum(INTEGRATION_ERROR_CODES);
export type IntegrationErrorCode = z.infer<typeof integrationErrorCodeSchema>;

/**
 * A bulk run in progress: the first sync after choosing a calendar, a calendar change, a
 * reconnect ('writing'), or the removal of our events on disconnect ('removing').
 * `done` of `total` interventions handled so far.
 */
export const syncProgressSchema = z.object({
  kind: z.enum(['writing', 'removing']),
  done: z.number().int().nonnegative(),
  total: z.number().int().nonnegative(),
});
export type SyncProgress = z.infer<typeof syncProgressSchema>;

/** How the sync of one integration is doing, as the Settings card shows it. */
export const integrationHealthSchema = z.object({
  /** The last time an event was written to this calendar; null when never. */
  lastSyncedAt: z.string().nullable(),
  /** Interventions waiting for the sync worker (including those waiting for a reconnect). */
  pendingCount: z.number().int().nonnegative(),
  /** Interventions the worker gave up on; "retry failed" writes them again. */
  failedCount: z.number().int().nonnegative(),
  progress: syncProgressSchema.nullable(),
  /**
   * Two-way sync push (PUBLIC_API_URL set): the provider watch on the target calendar.
   * pending: being created; active: changes arrive within seconds; refused: the provider
   * refused it (e.g. our address did not answer its handshake): changes arrive with the
   * periodic pull, and it is tried again later; stopping: being removed. Null: no push.
   */
  pushChannel: z
    .object({
      state: z.enum(['pending', 'active', 'refused', 'stopping']),
      expiresAt: z.string().nullable(),
      lastError: integrationErrorCodeSchema.nullable(),
    })
    .nullable(),
  /**
   * Availability push (PUBLIC_API_URL set, sharing on): the watches on the calendars whose busy
   * times count. active: a change reaches dispatch within a minute; refused: the provider refused
   * one (busy times then follow the periodic read); pending: being set up. Null: no push.
   */
  availabilityPush: z.enum(['pending', 'active', 'refused']).nullable(),
});
export type IntegrationHealth = z.infer<typeof integrationHealthSchema>;

export const integrationSchema = z.object({
  provider: calendarProviderSchema,
  /** False when the admin configured no OAuth app (and no emulator) for this provider. */
  available: z.boolean(),
  status: integrationStatusSchema,
  accountEmail: z.string().nullable(),
  calendarId: z.string().nullable(),
  calendarName: z.string().nullable(),
  syncEnabled: z.boolean(),
  /** push: we only write. two-way: the person's moves and deletions of our events come back to dispatch as calendar changes. */
  syncMode: syncModeSchema,
  lastError: integrationErrorCodeSchema.nullable(),
  connectedAt: z.string().nullable(),
  /** Dispatch sees the busy times (never the titles) of the calendars below. On by default. */
  shareAvailability: z.boolean(),
  /** The calendars whose busy times count; empty: the primary calendar and the target calendar. */
  availabilityCalendarIds: z.array(z.string()),
  /** When busy times were last read from this account; null when never (or sharing is off). */
  availabilityRefreshedAt: z.string().nullable(),
  /** Why the last read of busy times failed (e.g. ACCESS_DENIED: reconnect to grant free/busy); null when it worked. */
  availabilityError: integrationErrorCodeSchema.nullable(),
  health: integrationHealthSchema,
  /** 'organisation': the company's org-wide connection writes this calendar (no personal connect for this provider). */
  managedBy: z.enum(['organisation']).nullable(),
  /** The personal account the company's connection replaced (its events were taken over, not duplicated). */
  supersededAccountEmail: z.string().nullable(),
});
export type Integration = z.infer<typeof integrationSchema>;

export const authUrlResponseSchema = z.object({ url: z.url() });
export type AuthUrlResponse = z.infer<typeof authUrlResponseSchema>;

export const providerCalendarSchema = z.object({
  id: z.string(),
  name: z.string(),
  primary: z.boolean(),
  canWrite: z.boolean(),
});
export type ProviderCalendar = z.infer<typeof providerCalendarSchema>;

export const integrationSettingsSchema = z
  .strictObject({
    calendarId: safeString().min(1).max(1024).optional(),
    syncEnabled: z.boolean().optional(),
    syncMode: syncModeSchema.optional(),
    shareAvailability: z.boolean().optional(),
    /** Empty: back to the default (primary + target calendar). */
    availabilityCalendarIds: z.array(safeString().min(1).max(1024)).max(20).optional(),
  })
  .refine((v) => Object.values(v).some((value) => value !== undefined), {
    message: 'give calendarId, syncEnabled, syncMode, shareAvailability or availabilityCalendarIds',
  });
export type IntegrationSettingsRequest = z.input<typeof integrationSettingsSchema>;

/** Providers connected through OAuth (a consent page); CalDAV connects with a password instead. */
export const OAUTH_PROVIDERS = ['google', 'microsoft'] as const satisfies readonly CalendarProviderId[];
export type OAuthProviderId = (typeof OAUTH_PROVIDERS)[number];

/** Well-known CalDAV servers the PWA offers; `{host}` is the person's own Nextcloud. */
export const CALDAV_PRESETS = [
  { id: 'icloud', serverUrl: 'https://caldav.icloud.com' },
  { id: 'fastmail', serverUrl: 'https://caldav.fastmail.com' },
  { id: 'nextcloud', serverUrl: 'https://{host}/remote.php/dav' },
] as const;

/** POST /integrations/caldav/connect. The password is an app-specific one; it is stored sealed, never returned. */
export const caldavConnectSchema = z.strictObject({
  serverUrl: z.url({ protocol: /^https?$/ }).max(2048),
  username: safeString().min(1).max(320),
  password: safeString().min(1).max(1024),
});
export type CalDavConnectRequest = z.input<typeof caldavConnectSchema>;
/** DELETE /integrations/:provider?removeEvents=true|false (default true: remove the events we wrote). */
export const disconnectQuerySchema = z.strictObject({
  removeEvents: z.enum(['true', 'false']).default('true').transform((v) => v === 'true'),
});
export type DisconnectQuery = z.input<typeof disconnectQuerySchema>;
