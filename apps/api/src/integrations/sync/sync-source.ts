// What sync reads from the tables it does not own (calendar_integrations, interventions):
// the snapshot the planner decides on, and who a change concerns. Reads only: each of those
// tables has its own writer. No token column: tokens are reached through IntegrationAccess.
import { Injectable } from '@nestjs/common';
import type { CalendarProviderId } from '@fs/contracts';
import { PrismaService } from '../../database/prisma.service';
import type { Prisma } from '../../generated/prisma/client';
import type { Db } from './sync-job.repository';
import { SYNCABLE_INTEGRATION_STATUSES } from './syncable';

const INTERVENTION_FOR_SYNC = {
  id: true,
  title: true,
  description: true,
  clientName: true,
  clientPhone: true,
  address: true,
  startsAt: true,
  endsAt: true,
  timeZone: true,
  status: true,
  technicianId: true,
  version: true,
} as const satisfies Prisma.InterventionSelect;
export type InterventionForSync = Prisma.InterventionGetPayload<{ select: typeof INTERVENTION_FOR_SYNC }>;

/** Integrations whose calendar may need to change: a grant we hold or may get back. */
const SYNCABLE_INTEGRATION = { status: { in: [...SYNCABLE_INTEGRATION_STATUSES] } } as const satisfies Prisma.CalendarIntegrationWhereInput;

@Injectable()
export class SyncSource {
  constructor(private readonly prisma: PrismaService) {}

  integration(id: string, db: Db = this.prisma) {
    return db.calendarIntegration.findUnique({
      where: { id },
      select: { userId: true, provider: true, status: true, calendarId: true, syncEnabled: true, syncMode: true, shareAvailability: true },
    });
  }

  intervention(id: string): Promise<InterventionForSync | null> {
    return this.prisma.intervention.findUnique({ where: { id }, select: INTERVENTION_FOR_SYNC });
  }

  /** Two-way sync: the interventions a pull saw events of, as they are now. */
  interventionsByIds(db: Db, ids: string[]) {
    return db.intervention.findMany({
      where: { id: { in: ids } },
      select: { id: true, status: true, technicianId: true, startsAt: true, endsAt: true, version: true },
    });
  }

  /** The id of a person's integration with a provider, whatever its state. */
  async integrationIdOf(db: Db, userId: string, provider: CalendarProviderId): Promise<string | undefined> {
    const row = await db.calendarIntegration.findUnique({
      where: { userId_provider: { userId, provider } },
      select: { id: true },
    });
    return row?.id;
  }

  syncableIntegrations(db: Db): Promise<{ id: string }[]> {
    return db.calendarIntegration.findMany({ where: SYNCABLE_INTEGRATION, select: { id: true } });
  }

  /** The person's live interventions that end at `endingFrom` or later (the sync window). */
  async interventionsAssignedTo(db: Db, userId: string, endingFrom: Date): Promise<string[]> {
    const rows = await db.intervention.findMany({
      where: { technicianId: userId, status: { not: 'CANCELLED' }, endsAt: { gte: endingFrom } },
      select: { id: true },
    });
    return rows.map((r) => r.id);
  }
}
