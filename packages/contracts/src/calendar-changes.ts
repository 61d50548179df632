// Two-way sync: what a technician did to one of our events in their own calendar, as
// dispatch sees it. Dispatch stays the system of record: a change is a request that the
// organisation's policy settles (propose: dispatch decides; apply: taken at once; revert:
// the event is put back), never a silent overwrite in either direction.
import { z } from 'zod';
import { calendarProviderSchema } from './integrations.js';

export { SYNC_MODES, syncModeSchema, type SyncMode } from './sync-mode.js';

/** moved: the start or end changed. removed: the event was deleted. (Title, description or place edits are not ours to take: restored, no change.) */
export const CALENDAR_CHANGE_KINDS = ['moved', 'removed'] as const;
export const calendarChangeKindSchema = z.enum(CALENDAR_CHANGE_KINDS);
export type CalendarChangeKind = z.infer<typeof calendarChangeKindSchema>;

/**
 * open: waiting for dispatch (policy propose). accepted / rejected: dispatch decided.
 * applied: taken at once (policy apply). reverted: the event was put back at once (policy revert).
 */
export const CALENDAR_CHANGE_STATUSES = ['open', 'accepted', 'rejected', 'applied', 'reverted'] as const;
export const calendarChangeStatusSchema = z.enum(CALENDAR_CHANGE_STATUSES);
export type CalendarChangeStatus = z.infer<typeof calendarChangeStatusSchema>;

/** The organisation's policy for changes made in a technician's calendar. */
export const CALENDAR_CHANGE_POLICIES = ['propose', 'apply', 'revert'] as const;
export const calendarChangePolicySchema = z.enum(CALENDAR_CHANGE_POLICIES);
export type CalendarChangePolicy = z.infer<typeof calendarChangePolicySchema>;

export const calendarChangeSchema = z.object({
  id: z.uuid(),
  kind: calendarChangeKindSchema,
  status: calendarChangeStatusSchema,
  provider: calendarProviderSchema,
  interventionId: z.uuid(),
  interventionTitle: z.string(),
  /** The intervention's zone: times are shown in it. */
  timeZone: z.string(),
  technicianId: z.uuid(),
  technicianName: z.string(),
  /** The intervention's times when the change was seen. */
  previousStartsAt: z.string(),
  previousEndsAt: z.string(),
  /** The event's new times (moved); null for removed. */
  proposedStartsAt: z.string().nullable(),
  proposedEndsAt: z.string().nullable(),
  /** When our sync saw the change in the calendar. */
  seenAt: z.string(),
  decidedAt: z.string().nullable(),
  /** Who decided (a dispatcher's or admin's name); null when open or settled by the policy. */
  decidedByName: z.string().nullable(),
});
export type CalendarChange = z.infer<typeof calendarChangeSchema>;

/** GET /calendar-changes?status=… (dispatch and admin: all; a technician: their own). */
export const calendarChangeListQuerySchema = z.strictObject({
  status: calendarChangeStatusSchema.optional(),
});
export type CalendarChangeListQuery = z.input<typeof calendarChangeListQuerySchema>;

/** GET and PUT /admin/calendar-change-policy. */
export const calendarChangePolicySettingsSchema = z.strictObject({
  policy: calendarChangePolicySchema,
});
export type CalendarChangePolicySettings = z.infer<typeof calendarChangePolicySettingsSchema>;
export const DEFAULT_CALENDAR_CHANGE_POLICY: CalendarChangePolicy = 'propose';

/** On an intervention: the latest calendar change its technician made, so they see where it stands. */
export const interventionCalendarChangeSchema = z.object({
  id: z.uuid(),
  kind: calendarChangeKindSchema,
  status: calendarChangeStatusSchema,
});
export type InterventionCalendarChange = z.infer<typeof interventionCalendarChangeSchema>;
