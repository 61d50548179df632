// What we last wrote of each intervention in each connected calendar (intervention_syncs),
// and the only code that writes it: the event's id and etag, the intervention version and
// event privacy settings version it shows, and the outcome the UI can show (SYNCED,
// PENDING with a reason, FAILED with a reason).
import { Injectable } from '@nestjs/common';
import { PrismaService } from '../../database/prisma.service';
import type { InterventionSyncStatus } from '../../generated/prisma/enums';
import type { ProviderErrorCode } from '../providers/provider-error';
import type { Db } from './sync-job.repository';

type Key = { integrationId: string; interventionId: string };

@Injectable()
export class InterventionSyncRepository {
  constructor(private readonly prisma: PrismaService) {}

  find({ integrationId, interventionId }: Key) {
    return this.prisma.interventionSync.findUnique({
      where: { integrationId_interventionId: { integrationId, interventionId } },
      select: { calendarId: true, externalId: true, etag: true, status: true, syncedVersion: true, syncedPrivacyVersion: true },
    });
  }

  /** Every intervention we hold a record of in this integration's calendar. */
  ofIntegration(db: Db, integrationId: string): Promise<Key[]> {
    return db.interventionSync.findMany({ where: { integrationId }, select: { integrationId: true, interventionId: true } });
  }

  /** The interventions the worker gave up on for this integration (the person may ask to retry). */
  failed(db: Db, integrationId: string): Promise<Key[]> {
    return db.interventionSync.findMany({ where: { status: 'FAILED', integrationId }, select: { integrationId: true, interventionId: true } });
  }

  /** Every intervention we hold a record of in this integration's calendars (what a removal must delete). */
  async interventionIdsOf(db: Db, integrationId: string): Promise<string[]> {
    const rows = await db.interventionSync.findMany({ where: { integrationId }, select: { interventionId: true } });
    return rows.map((r) => r.interventionId);
  }

  async recordSynced(
    key: Key,
    state: {
      calendarId: string;
      externalId: string;
      etag: string | null;
      syncedVersion: number;
      syncedPrivacyVersion: number;
      syncedAt: Date;
      /** The slot the event now shows (availability takes it out of the busy time). */
      syncedStartsAt: Date;
      syncedEndsAt: Date;
    },
  ): Promise<void> {
    const data = { ...state, status: 'SYNCED' as const, lastError: null };
    await this.prisma.interventionSync.upsert({
      where: { integrationId_interventionId: key },
      create: { ...key, ...data },
      update: data,
      select: { id: true },
    });
  }

  async recordProblem(
    key: Key,
    status: Exclude<InterventionSyncStatus, 'SYNCED'>,
    lastError: ProviderErrorCode,
    forgetExternalId = false,
  ): Promise<void> {
    const data = { status, lastError, ...(forgetExternalId ? { externalId: null, etag: null } : {}) };
    await this.prisma.interventionSync.upsert({
      where: { integrationId_interventionId: key },
      create: { ...key, ...data },
      update: data,
      select: { id: true },
    });
  }

  /**
   * Two-way sync: the event no longer shows what we wrote (the person edited its text, or a
   * move or removal was turned down): the next write rewrites it. A removed event is written
   * afresh (its id forgotten, the adapter finds or recreates it by sync key).
   */
  async markStale(db: Db, key: Key, eventGone: boolean): Promise<void> {
    await db.interventionSync.updateMany({
      where: key,
      data: { status: 'PENDING', syncedVersion: null, ...(eventGone ? { externalId: null, etag: null } : {}) },
    });
  }

  /** What we last wrote of each event of an integration, keyed by the provider's event id (two-way pulls). */
  writtenIn(db: Db, integrationId: string) {
    return db.interventionSync.findMany({
      where: { integrationId, externalId: { not: null } },
      select: { interventionId: true, calendarId: true, externalId: true, etag: true, syncedVersion: true, syncedStartsAt: true, syncedEndsAt: true, syncedAt: true },
    });
  }

  /**
   * Two-way: a pull took note of the person's edit of the event (recorded, or to be restored):
   * our next write's If-Match names what the calendar shows now (null: the event is gone).
   */
  async acknowledgeEdit(db: Db, key: Key, etag: string | null): Promise<void> {
    await db.interventionSync.updateMany({ where: key, data: { etag } });
  }

  /** The event is gone from the calendar: nothing left to track. */
  async forget(key: Key): Promise<void> {
    await this.prisma.interventionSync.deleteMany({ where: key });
  }

  /** The integration was disconnected: what we tracked of its events goes. */
  async forgetIntegration(db: Db, integrationId: string): Promise<void> {
    await db.interventionSync.deleteMany({ where: { integrationId } });
  }
}
