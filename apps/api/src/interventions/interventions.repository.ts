// Database access for interventions. Writes take the transaction they run in, so the
// service can add other writes (later: the calendar sync outbox) to the same commit.
import { Injectable } from '@nestjs/common';
import type { InterventionStatus } from '@fs/contracts';
import { PrismaService } from '../database/prisma.service';
import type { Prisma } from '../generated/prisma/client';

export const INTERVENTION_SELECT = {
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
  updatedAt: true,
  technician: { select: { name: true } },
} as const satisfies Prisma.InterventionSelect;

export type InterventionRow = Prisma.InterventionGetPayload<{ select: typeof INTERVENTION_SELECT }>;
export type Tx = Prisma.TransactionClient;

export interface InterventionFilter {
  technicianId?: string;
  status?: InterventionStatus;
  from?: Date;
  to?: Date;
}

@Injectable()
export class InterventionsRepository {
  constructor(private readonly prisma: PrismaService) {}

  transaction<T>(work: (tx: Tx) => Promise<T>): Promise<T> {
    return this.prisma.$transaction(work);
  }

  list(filter: InterventionFilter): Promise<InterventionRow[]> {
    return this.prisma.intervention.findMany({
      where: {
        technicianId: filter.technicianId,
        status: filter.status,
        // Overlap with [from, to): an intervention running across `from` is included.
        ...(filter.to ? { startsAt: { lt: filter.to } } : {}),
        ...(filter.from ? { endsAt: { gt: filter.from } } : {}),
      },
      select: INTERVENTION_SELECT,
      orderBy: [{ startsAt: 'asc' }, { id: 'asc' }],
    });
  }

  find(id: string, tx: Tx = this.prisma): Promise<InterventionRow | null> {
    return tx.intervention.findUnique({ where: { id }, select: INTERVENTION_SELECT });
  }

  create(tx: Tx, data: Prisma.InterventionUncheckedCreateInput): Promise<InterventionRow> {
    return tx.intervention.create({ data, select: INTERVENTION_SELECT });
  }

  update(tx: Tx, id: string, data: Prisma.InterventionUncheckedUpdateInput): Promise<InterventionRow> {
    return tx.intervention.update({ where: { id }, data: { ...data, version: { increment: 1 } }, select: INTERVENTION_SELECT });
  }

  delete(tx: Tx, id: string): Promise<unknown> {
    return tx.intervention.delete({ where: { id } });
  }

  async isTechnician(tx: Tx, userId: string): Promise<boolean> {
    const user = await tx.user.findUnique({ where: { id: userId }, select: { role: true } });
    return user?.role === 'TECHNICIAN';
  }
}
