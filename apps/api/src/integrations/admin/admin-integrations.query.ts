// Reads for the admin overview: every person's calendar integrations with how their sync
// stands (last event written, events the worker gave up on, last error). Reads only; no
// token column is selected.
import { Injectable } from '@nestjs/common';
import type { AdminIntegration } from '@fs/contracts';
import { integrationErrorCodeSchema } from '@fs/contracts';
import { PrismaService } from '../../database/prisma.service';

@Injectable()
export class AdminIntegrationsQuery {
  constructor(private readonly prisma: PrismaService) {}

  async list(): Promise<AdminIntegration[]> {
    const [rows, lastSyncs] = await Promise.all([
      this.prisma.calendarIntegration.findMany({
        select: {
          id: true,
          provider: true,
          status: true,
          accountEmail: true,
          lastError: true,
          user: { select: { id: true, name: true, email: true } },
          _count: { select: { interventionSyncs: { where: { status: 'FAILED' } } } },
        },
        orderBy: [{ user: { name: 'asc' } }, { provider: 'asc' }],
      }),
      this.prisma.interventionSync.groupBy({ by: ['integrationId'], _max: { syncedAt: true } }),
    ]);
    const lastSyncOf = new Map(lastSyncs.map((s) => [s.integrationId, s._max.syncedAt]));
    return rows.map((row) => ({
      userId: row.user.id,
      userName: row.user.name,
      userEmail: row.user.email,
      provider: row.provider,
      status: row.status,
      accountEmail: row.accountEmail,
      lastSyncAt: lastSyncOf.get(row.id)?.toISOString() ?? null,
      failedCount: row._count.interventionSyncs,
      // The column holds a closed set of codes; anything else (an old value) shows as none.
      lastError: integrationErrorCodeSchema.safeParse(row.lastError).data ?? null,
    }));
  }
}
