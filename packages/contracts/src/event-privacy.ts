// What leaves the company: the organisation's choice of what a calendar event we write
// contains. The title (the intervention's short title) and the time are always there;
// each of these four is on or off. Every event is also marked private at the provider.
import { z } from 'zod';

export const EVENT_PRIVACY_FIELDS = ['clientName', 'clientPhone', 'address', 'notes'] as const;
export type EventPrivacyField = (typeof EVENT_PRIVACY_FIELDS)[number];

/** PUT body: all four, so the admin states the whole policy at once (no half-known state). */
export const eventPrivacySettingsSchema = z.strictObject({
  clientName: z.boolean(),
  clientPhone: z.boolean(),
  address: z.boolean(),
  notes: z.boolean(),
});
export type EventPrivacySettings = z.infer<typeof eventPrivacySettingsSchema>;

/** The default: the address and the title; no client name, phone or notes. */
export const DEFAULT_EVENT_PRIVACY: EventPrivacySettings = { clientName: false, clientPhone: false, address: true, notes: false };

export const eventPrivacyResponseSchema = eventPrivacySettingsSchema.extend({
  updatedAt: z.string(),
});
export type EventPrivacyResponse = z.infer<typeof eventPrivacyResponseSchema>;
