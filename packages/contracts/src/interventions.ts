// Interventions: a job at a client's address in a time slot, assigned to a technician.
import { z } from 'zod';
import { interventionWarningSchema } from './availability.js';
import { interventionCalendarChangeSchema } from './calendar-changes.js';
import { interventionStatusSchema } from './enums.js';
import { safeString } from './safe-text.js';
import { interventionSyncSchema } from './sync-state.js';
import { timeZoneSchema } from './time-zone.js';

const isoDateTime = z.iso.datetime({ offset: true });

const interventionFields = {
  title: safeString().trim().min(1).max(200),
  description: safeString().max(5000),
  clientName: safeString().trim().min(1).max(200),
  /** Optional; empty when unknown. Written to calendars only if the event privacy settings allow. */
  clientPhone: safeString()
    .trim()
    .max(40)
    .regex(/^[0-9+().\s-]*$/, 'only digits, spaces and + ( ) . -'),
  address: safeString().trim().min(1).max(500),
  startsAt: isoDateTime,
  endsAt: isoDateTime,
  timeZone: timeZoneSchema,
  technicianId: z.uuid(),
};

function endsAfterStart(value: { startsAt?: string; endsAt?: string }, ctx: z.RefinementCtx) {
  // Only two well-formed instants can be compared; a malformed one has its own error.
  const bothValid = [value.startsAt, value.endsAt].every((v) => isoDateTime.safeParse(v).success);
  if (bothValid && Date.parse(value.endsAt!) <= Date.parse(value.startsAt!)) {
    ctx.addIssue({ code: 'custom', path: ['endsAt'], message: 'must be after startsAt' });
  }
}

export const createInterventionSchema = z
  .strictObject({
    ...interventionFields,
    description: interventionFields.description.default(''),
    clientPhone: interventionFields.clientPhone.default(''),
  })
  .superRefine(endsAfterStart);
export type CreateInterventionRequest = z.input<typeof createInterventionSchema>;

/** Edit, reschedule (startsAt/endsAt) and reassign (technicianId) are one partial update. */
export const updateInterventionSchema = z
  .strictObject({
    ...interventionFields,
    status: interventionStatusSchema.exclude(['CANCELLED']),
  })
  .partial()
  .superRefine(endsAfterStart);
export type UpdateInterventionRequest = z.input<typeof updateInterventionSchema>;

export const listInterventionsQuerySchema = z.strictObject({
  technicianId: z.uuid().optional(),
  status: interventionStatusSchema.optional(),
  from: isoDateTime.optional(),
  to: isoDateTime.optional(),
});
export type ListInterventionsQuery = z.input<typeof listInterventionsQuerySchema>;

export const interventionSchema = z.object({
  id: z.uuid(),
  title: z.string(),
  description: z.string(),
  clientName: z.string(),
  clientPhone: z.string(),
  address: z.string(),
  startsAt: z.string(),
  endsAt: z.string(),
  timeZone: z.string(),
  status: interventionStatusSchema,
  /** Null: unassigned, back with dispatch (e.g. dispatch accepted that the technician removed it from their calendar). */
  technicianId: z.uuid().nullable(),
  technicianName: z.string().nullable(),
  version: z.number().int(),
  updatedAt: z.string(),
  /** One entry per calendar of the technician that receives interventions; empty when none. */
  sync: z.array(interventionSyncSchema),
  /** The latest change its technician made to it in their calendar (two-way sync); null when none. */
  calendarChange: interventionCalendarChangeSchema.nullable(),
});
export type Intervention = z.infer<typeof interventionSchema>;

/** Create / update answers: the intervention, and what the dispatcher should know (e.g. the technician is busy then). */
export const interventionWriteResultSchema = interventionSchema.extend({ warnings: z.array(interventionWarningSchema) });
export type InterventionWriteResult = z.infer<typeof interventionWriteResultSchema>;

export const technicianSchema = z.object({ id: z.uuid(), name: z.string(), email: z.string(), timeZone: z.string() });
export type Technician = z.infer<typeof technicianSchema>;
