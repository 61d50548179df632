// Database row -> API shape. Pure.
import type { CalendarChange } from '@fs/contracts';
import type { CalendarChangeRow } from './calendar-change.repository';

export function toCalendarChange(row: CalendarChangeRow): CalendarChange {
  return {
    id: row.id,
    kind: row.kind,
    status: row.status,
    provider: row.provider,
    interventionId: row.interventionId,
    interventionTitle: row.intervention.title,
    timeZone: row.intervention.timeZone,
    technicianId: row.technicianId,
    technicianName: row.technician.name,
    previousStartsAt: row.previousStartsAt.toISOString(),
    previousEndsAt: row.previousEndsAt.toISOString(),
    proposedStartsAt: row.proposedStartsAt?.toISOString() ?? null,
    proposedEndsAt: row.proposedEndsAt?.toISOString() ?? null,
    seenAt: row.seenAt.toISOString(),
    decidedAt: row.decidedAt?.toISOString() ?? null,
    decidedByName: row.decidedBy?.name ?? null,
  };
}
