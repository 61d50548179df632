// Database access for the sync outbox (sync_jobs). Enqueue takes the caller's transaction,
// so a job commits or rolls back together with the intervention change that caused it.
import { Injectable } from '@nestjs/common';
import { PrismaService } from '../../database/prisma.service';
import type { Prisma } from '../../generated/prisma/client';

export type Db = Prisma.TransactionClient;

/** Integrations whose calendar may need to change: a grant we hold or may get back. */
export const SYNCABLE_INTEGRATION = { status: { in: ['CONNECTED', 'NEEDS_RECONNECT'] } } as const satisfies Prisma.CalendarIntegrationWhereInput;

@Injectable()
export class SyncJobRepository {
  constructor(private readonly prisma: PrismaService) {}

  /**
   * One row per (integration, intervention): a second change before the worker ran only
   * bumps it (coalescing). `revision` tells a running worker its claim became stale.
   * Parked jobs stay parked; they resume with the integration (see resume()).
   */
  async enqueue(db: Db, integrationId: string, interventionIds: string[], now: Date): Promise<void> {
    for (const interventionId of interventionIds) {
      await db.syncJob.upsert({
        where: { integrationId_interventionId: { integrationId, interventionId } },
        create: { integrationId, interventionId, runAfter: now },
        update: { revision: { increment: 1 }, attempts: 0, runAfter: now, lastError: null },
        select: { id: true },
      });
    }
  }

  /** The person can be synced again: parked jobs become due. */
  async resume(db: Db, integrationId: string, now: Date): Promise<void> {
    await db.syncJob.updateMany({ where: { integrationId, status: 'PARKED' }, data: { status: 'PENDING', runAfter: now, attempts: 0 } });
  }

  integrationsOf(db: Db, userIds: string[]): Promise<{ id: string; userId: string }[]> {
    return db.calendarIntegration.findMany({ where: { userId: { in: userIds }, ...SYNCABLE_INTEGRATION }, select: { id: true, userId: true } });
  }

  transaction<T>(work: (db: Db) => Promise<T>): Promise<T> {
    return this.prisma.$transaction(work);
  }

  get db(): Db {
    return this.prisma;
  }
}
