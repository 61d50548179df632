// Availability: when a technician is busy in their own calendar, as dispatch sees it. Times
// only: a busy block never carries a title, attendees, place or description.
import { z } from 'zod';
import { calendarProviderSchema } from './integrations.js';

/** Longest range one busy query may ask for (also Graph getSchedule's own limit). */
export const BUSY_MAX_RANGE_DAYS = 62;
/**
 * Response header of GET /technicians/:id/busy: when the cached blocks were last read from
 * the technician's calendars (ISO 8601; the oldest of their shared integrations). Absent when
 * nothing of this technician's calendars is known (none connected, sharing off, not read yet).
 */
export const BUSY_REFRESHED_AT_HEADER = 'busy-refreshed-at';

const isoDateTime = z.iso.datetime({ offset: true });
const DAY_MS = 24 * 3600 * 1000;

export const busyQuerySchema = z
  .strictObject({ from: isoDateTime, to: isoDateTime })
  .superRefine((value, ctx) => {
    const span = Date.parse(value.to) - Date.parse(value.from);
    if (span <= 0) ctx.addIssue({ code: 'custom', path: ['to'], message: 'must be after from' });
    else if (span > BUSY_MAX_RANGE_DAYS * DAY_MS) ctx.addIssue({ code: 'custom', path: ['to'], message: `must be at most ${BUSY_MAX_RANGE_DAYS} days after from` });
  });
export type BusyQuery = z.input<typeof busyQuerySchema>;

export const busyBlockSchema = z.object({ start: z.string(), end: z.string(), provider: calendarProviderSchema });
export type BusyBlock = z.infer<typeof busyBlockSchema>;

/** One entry of GET /technicians/busy?from=&to= (dispatch and admin): every technician, busy or not. */
export const technicianBusyEntrySchema = z.object({ technicianId: z.uuid(), blocks: z.array(busyBlockSchema) });
export type TechnicianBusyEntry = z.infer<typeof technicianBusyEntrySchema>;

/** A write that succeeded but deserves a second look; the PWA translates each code. */
export const INTERVENTION_WARNING_CODES = ['TECHNICIAN_BUSY'] as const;
export const interventionWarningSchema = z.object({
  code: z.enum(INTERVENTION_WARNING_CODES),
  /** The busy block the intervention overlaps. */
  start: z.string(),
  end: z.string(),
});
export type InterventionWarning = z.infer<typeof interventionWarningSchema>;
