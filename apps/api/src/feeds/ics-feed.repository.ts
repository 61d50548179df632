// The only writer of ics_feeds (one row per person: the hash of their feed token), and the
// feed's read of interventions (explicit fields; reads are free of the one-writer rule).
import { Injectable } from '@nestjs/common';
import { PrismaService } from '../database/prisma.service';

export interface FeedInterventionRow {
  id: string;
  title: string;
  description: string;
  clientName: string;
  clientPhone: string;
  address: string;
  startsAt: Date;
  endsAt: Date;
  timeZone: string;
  status: string;
  version: number;
  updatedAt: Date;
}

export interface FeedWindow {
  from: Date;
  to: Date;
  /** Cancelled interventions changed before this are left out (they were shown long enough). */
  cancelledSince: Date;
}

@Injectable()
export class IcsFeedRepository {
  constructor(private readonly prisma: PrismaService) {}

  findByUser(userId: string): Promise<{ createdAt: Date } | null> {
    return this.prisma.icsFeed.findUnique({ where: { userId }, select: { createdAt: true } });
  }

  findOwner(tokenHash: string): Promise<{ userId: string } | null> {
    return this.prisma.icsFeed.findUnique({ where: { tokenHash }, select: { userId: true } });
  }

  /** Creates the feed or replaces its token: the old hash is gone in the same statement. */
  async replaceToken(userId: string, tokenHash: string, createdAt: Date): Promise<void> {
    await this.prisma.icsFeed.upsert({ where: { userId }, create: { userId, tokenHash, createdAt }, update: { tokenHash, createdAt } });
  }

  async delete(userId: string): Promise<void> {
    await this.prisma.icsFeed.deleteMany({ where: { userId } });
  }

  /** The person's interventions overlapping the window; cancelled ones only while recent. */
  interventions(technicianId: string, window: FeedWindow): Promise<FeedInterventionRow[]> {
    return this.prisma.intervention.findMany({
      where: {
        technicianId,
        startsAt: { lt: window.to },
        endsAt: { gt: window.from },
        OR: [{ status: { not: 'CANCELLED' } }, { updatedAt: { gte: window.cancelledSince } }],
      },
      select: {
        id: true, title: true, description: true, clientName: true, clientPhone: true, address: true,
        startsAt: true, endsAt: true, timeZone: true, status: true, version: true, updatedAt: true,
      },
      orderBy: [{ startsAt: 'asc' }, { id: 'asc' }],
    });
  }
}
