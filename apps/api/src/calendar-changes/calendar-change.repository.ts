// Calendar changes (calendar_changes), and the only code that writes them: recorded by a
// two-way pull in its transaction (one row per observed edit: the fingerprint is unique per
// integration), then decided once (the status moves from open only, so two deciders never
// both win).
import { Injectable } from '@nestjs/common';
import type { CalendarChangeStatus } from '@fs/contracts';
import { PrismaService } from '../database/prisma.service';
import type { Prisma } from '../generated/prisma/client';
import type { ObservedCalendarChange } from '../integrations/inbound/inbound-calendar-changes';

export type Db = Prisma.TransactionClient;

export const CALENDAR_CHANGE_SELECT = {
  id: true,
  integrationId: true,
  interventionId: true,
  technicianId: true,
  provider: true,
  kind: true,
  status: true,
  interventionVersion: true,
  previousStartsAt: true,
  previousEndsAt: true,
  proposedStartsAt: true,
  proposedEndsAt: true,
  seenAt: true,
  decidedAt: true,
  intervention: { select: { title: true, timeZone: true } },
  technician: { select: { name: true } },
  decidedBy: { select: { name: true } },
} as const satisfies Prisma.CalendarChangeSelect;

export type CalendarChangeRow = Prisma.CalendarChangeGetPayload<{ select: typeof CALENDAR_CHANGE_SELECT }>;

@Injectable()
export class CalendarChangeRepository {
  constructor(private readonly prisma: PrismaService) {}

  transaction<T>(work: (db: Db) => Promise<T>): Promise<T> {
    return this.prisma.$transaction(work);
  }

  async isRecorded(db: Db, integrationId: string, fingerprint: string): Promise<boolean> {
    const row = await db.calendarChange.findUnique({ where: { integrationId_fingerprint: { integrationId, fingerprint } }, select: { id: true } });
    return row !== null;
  }

  /**
   * A new change, open. ON CONFLICT DO NOTHING on (integration, fingerprint): two pulls of
   * the same edit (a replay, two processes) record it once.
   */
  async record(db: Db, change: ObservedCalendarChange): Promise<string | undefined> {
    const rows = await db.$queryRaw<{ id: string }[]>`
      INSERT INTO calendar_changes (id, integration_id, intervention_id, technician_id, provider, kind, status, fingerprint,
        intervention_version, previous_starts_at, previous_ends_at, proposed_starts_at, proposed_ends_at, seen_at)
      VALUES (gen_random_uuid(), ${change.integrationId}::uuid, ${change.interventionId}::uuid, ${change.technicianId}::uuid,
        ${change.provider}::"CalendarProvider", ${change.kind}::"CalendarChangeKind", 'open', ${change.fingerprint},
        ${change.interventionVersion}, ${change.previousStartsAt}::timestamptz, ${change.previousEndsAt}::timestamptz,
        ${change.proposedStartsAt}::timestamptz, ${change.proposedEndsAt}::timestamptz, ${change.seenAt}::timestamptz)
      ON CONFLICT (integration_id, fingerprint) DO NOTHING
      RETURNING id::text`;
    return rows[0]?.id;
  }

  find(id: string, db: Db = this.prisma): Promise<CalendarChangeRow | null> {
    return db.calendarChange.findUnique({ where: { id }, select: CALENDAR_CHANGE_SELECT });
  }

  list(filter: { status?: CalendarChangeStatus; technicianId?: string }): Promise<CalendarChangeRow[]> {
    return this.prisma.calendarChange.findMany({
      where: { status: filter.status, technicianId: filter.technicianId },
      select: CALENDAR_CHANGE_SELECT,
      orderBy: [{ seenAt: 'desc' }, { id: 'asc' }],
      take: 500,
    });
  }

  /** Decides an open change; false when it was no longer open (someone decided first). */
  async decide(db: Db, id: string, status: Exclude<CalendarChangeStatus, 'open'>, decidedById: string | null, now: Date): Promise<boolean> {
    const { count } = await db.calendarChange.updateMany({ where: { id, status: 'open' }, data: { status, decidedById, decidedAt: now } });
    return count === 1;
  }
}
