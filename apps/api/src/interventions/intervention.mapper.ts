// Database row -> API shape. Pure.
import type { Intervention, InterventionCalendarChange, InterventionSync } from '@fs/contracts';
import type { InterventionRow } from './interventions.repository';

/**
 * `sync`: its state in each of the technician's calendars; `calendarChange`: the latest change
 * its technician made in their calendar (both from integrations' SyncStatusReader).
 */
export function toIntervention(row: InterventionRow, sync: InterventionSync[] = [], calendarChange: InterventionCalendarChange | null = null): Intervention {
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
    technicianName: row.technician?.name ?? null,
    version: row.version,
    updatedAt: row.updatedAt.toISOString(),
    sync,
    calendarChange,
  };
}
