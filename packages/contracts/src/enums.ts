// Enumerations shared by the API, the database schema and the PWA. Their values match
// prisma/schema.prisma exactly; a test in the API checks that they stay equal.
import { z } from 'zod';

export const ROLES = ['ADMIN', 'DISPATCHER', 'TECHNICIAN'] as const;
export const roleSchema = z.enum(ROLES);
export type Role = z.infer<typeof roleSchema>;

export const INTERVENTION_STATUSES = ['PLANNED', 'IN_PROGRESS', 'DONE', 'CANCELLED'] as const;
export const interventionStatusSchema = z.enum(INTERVENTION_STATUSES);
export type InterventionStatus = z.infer<typeof interventionStatusSchema>;
