// Database row -> API shape. Pure.
import type { Intervention, InterventionSync } from '@fs/contracts';
import type { InterventionRow } from './interventions.repository';

/** `sync`: its state in each of the technician's calendars (integrations' SyncStatusReader). */
export function toIntervention(row: InterventionRow, sync: InterventionSync[] = []): Intervention {
  return {
    id: row.id,
    title: row.title,
    description: row.description,
    clientName: row.clientName,
    clientPhone: row.clientPhone,
    address: row.address,
    startsAt: row.startsAt.toISOString(),
    endsAt: row.endsAt.toISOString(),
    timeZone: row.timeZone,
    status: row.status,
    technicianId: row.technicianId,
    technicianName: row.technician.name,
    version: row.version,
    updatedAt: row.updatedAt.toISOString(),
    sync,
    // Two-way sync (branch two-way) fills this with the intervention's latest calendar change.
    calendarChange: null,
  };
}
