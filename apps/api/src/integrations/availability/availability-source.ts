// What availability reads from tables it does not own: an integration's sharing settings,
// and where our own intervention events sit (intervention_syncs + interventions), so they are
// never counted as busy elsewhere. Reads only.
import { Injectable } from '@nestjs/common';
import { PrismaService } from '../../database/prisma.service';
import type { TimeBlock } from '../providers/calendar-provider';

@Injectable()
export class AvailabilitySource {
  constructor(private readonly prisma: PrismaService) {}

  integration(id: string) {
    return this.prisma.calendarIntegration.findUnique({
      where: { id },
      select: {
        userId: true,
        provider: true,
        status: true,
        accountEmail: true,
        calendarId: true,
        shareAvailability: true,
        availabilityCalendarIds: true,
      },
    });
  }

  /**
   * Per calendar, the slots of our events in it: the slot last written (a move not yet
   * synced still shows there) and the intervention's current one (a change about to be
   * written), both taken out of that calendar's busy time.
   */
  async ownEventSlots(integrationId: string): Promise<Map<string, TimeBlock[]>> {
    const records = await this.prisma.interventionSync.findMany({
      where: { integrationId, calendarId: { not: null } },
      select: { interventionId: true, calendarId: true, syncedStartsAt: true, syncedEndsAt: true },
    });
    const current = await this.prisma.intervention.findMany({
      where: { id: { in: records.map((r) => r.interventionId) }, status: { not: 'CANCELLED' } },
      select: { id: true, startsAt: true, endsAt: true },
    });
    const byId = new Map(current.map((row) => [row.id, row]));
    const slots = new Map<string, TimeBlock[]>();
    for (const record of records) {
      const list = slots.get(record.calendarId!) ?? [];
      if (record.syncedStartsAt && record.syncedEndsAt) list.push({ start: record.syncedStartsAt, end: record.syncedEndsAt });
      const now = byId.get(record.interventionId);
      if (now) list.push({ start: now.startsAt, end: now.endsAt });
      slots.set(record.calendarId!, list);
    }
    return slots;
  }
}
