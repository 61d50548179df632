// The organisation's event privacy settings (event_privacy_settings, one row), and the only
// code that writes them. Each save bumps `version`: the sync planner compares it with the
// version an event was written under, so a change rewrites every event once.
import { Injectable } from '@nestjs/common';
import { DEFAULT_EVENT_PRIVACY, type EventPrivacySettings } from '@fs/contracts';
import { PrismaService } from '../../database/prisma.service';
import type { Db } from '../sync/sync-job.repository';

/** The settings as the sync reads them: what to share, and which version that is. */
export interface EventPrivacy {
  settings: EventPrivacySettings;
  version: number;
  updatedAt: Date;
}

const ROW_ID = 1;
const COLUMNS = { includeClientName: true, includeClientPhone: true, includeAddress: true, includeNotes: true, version: true, updatedAt: true } as const;

type Row = { includeClientName: boolean; includeClientPhone: boolean; includeAddress: boolean; includeNotes: boolean; version: number; updatedAt: Date };

function toEventPrivacy(row: Row): EventPrivacy {
  return {
    settings: { clientName: row.includeClientName, clientPhone: row.includeClientPhone, address: row.includeAddress, notes: row.includeNotes },
    version: row.version,
    updatedAt: row.updatedAt,
  };
}

function toColumns(settings: EventPrivacySettings) {
  return {
    includeClientName: settings.clientName,
    includeClientPhone: settings.clientPhone,
    includeAddress: settings.address,
    includeNotes: settings.notes,
  };
}

@Injectable()
export class EventPrivacyRepository {
  constructor(private readonly prisma: PrismaService) {}

  transaction<T>(work: (tx: Db) => Promise<T>): Promise<T> {
    return this.prisma.$transaction(work);
  }

  /** The migration writes the row; should it be missing, the defaults hold (version 1). */
  async current(db: Db = this.prisma): Promise<EventPrivacy> {
    const row = await db.eventPrivacySettings.findUnique({ where: { id: ROW_ID }, select: COLUMNS });
    return row ? toEventPrivacy(row) : { settings: DEFAULT_EVENT_PRIVACY, version: 1, updatedAt: new Date(0) };
  }

  async save(db: Db, settings: EventPrivacySettings, now: Date): Promise<EventPrivacy> {
    const row = await db.eventPrivacySettings.upsert({
      where: { id: ROW_ID },
      create: { id: ROW_ID, ...toColumns(settings), version: 2, updatedAt: now },
      update: { ...toColumns(settings), version: { increment: 1 }, updatedAt: now },
      select: COLUMNS,
    });
    return toEventPrivacy(row);
  }
}
