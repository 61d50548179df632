// Two-way sync, inbound: what one event of a two-way calendar, as a pull saw it, means for
// dispatch. Pure, like planSync (sync-planner.ts) for the outbound side: a snapshot of what
// we know (what we last wrote, the intervention now, whether a write of ours is due) in, a
// plan out. Our own writes never come back as changes: the etag we stored when writing
// names the version we wrote, and a write still due means the calendar is about to show
// the intervention again anyway.
import type { ObservedEvent } from '../providers/calendar-provider';

export interface InboundSnapshot {
  event: ObservedEvent;
  /** What we last wrote of this event (intervention_syncs, matched by the provider's id); null: not one of ours. */
  record: {
    externalId: string;
    etag: string | null;
    syncedStartsAt: Date | null;
    syncedEndsAt: Date | null;
  } | null;
  /** The intervention now; null when deleted. */
  intervention: { status: string; technicianId: string | null; startsAt: Date; endsAt: Date } | null;
  /** The person whose calendar this is. */
  userId: string;
  /**
   * A write of ours for this event is due or running (sync_jobs), and was not refused by
   * If-Match: what the event shows may be that write, not yet recorded. A refused write did
   * not land, so a refused one is no reason to look away (SyncWorker.awaitPull).
   */
  writePending: boolean;
  /** The edit this event shows (its fingerprint) is already a calendar change. */
  alreadyRecorded: boolean;
}

export type InboundPlan =
  /** Nothing for dispatch: not our event, one we are removing or rewriting, or our own write seen again. */
  | { action: 'ignore'; reason: 'not-ours' | 'not-wanted' | 'write-pending' | 'own-write' }
  /** A replayed pull, or a full listing, shows an edit already recorded. */
  | { action: 'already-recorded' }
  /** The title, description or place was edited: not ours to take, the event is written again. */
  | { action: 'restore' }
  | { action: 'moved'; startsAt: Date; endsAt: Date }
  | { action: 'removed' };

export function planInbound({ event, record, intervention, userId, writePending, alreadyRecorded }: InboundSnapshot): InboundPlan {
  if (!record) return { action: 'ignore', reason: 'not-ours' };
  // Cancelled, deleted or reassigned: our own removal of the event is due (or done), not theirs.
  const wanted = intervention !== null && intervention.status !== 'CANCELLED' && intervention.technicianId === userId;
  if (!wanted) return { action: 'ignore', reason: 'not-wanted' };
  if (writePending) return { action: 'ignore', reason: 'write-pending' };
  if (!event.removed && event.etag && event.etag === record.etag) return { action: 'ignore', reason: 'own-write' };
  if (alreadyRecorded) return { action: 'already-recorded' };
  if (event.removed) return { action: 'removed' };
  if (!event.startsAt || !event.endsAt) return { action: 'restore' };
  const showsIntervention = sameSlot(event, intervention);
  const showsOurWrite = record.syncedStartsAt && record.syncedEndsAt && sameSlot(event, { startsAt: record.syncedStartsAt, endsAt: record.syncedEndsAt });
  if (showsIntervention || showsOurWrite) return { action: 'restore' };
  return { action: 'moved', startsAt: event.startsAt, endsAt: event.endsAt };
}

/**
 * Names one observed edit, so that replaying a pull (a crash before the cursor was saved, a
 * full listing after a 410) never records it twice: a move by the etag the provider gave the
 * moved event, a removal by the write of ours that was removed (when we wrote it: the etag we
 * hold is replaced when a pull takes note of an edit, the time of our write is not).
 */
export function inboundFingerprint(event: ObservedEvent, record: { externalId: string; syncedAt: Date | null }): string {
  if (event.removed) return `removed:${record.externalId}:${record.syncedAt?.toISOString() ?? ''}`;
  return `moved:${event.etag ?? `${event.startsAt?.toISOString()}/${event.endsAt?.toISOString()}`}`;
}

function sameSlot(a: { startsAt?: Date; endsAt?: Date }, b: { startsAt: Date; endsAt: Date }): boolean {
  return a.startsAt?.getTime() === b.startsAt.getTime() && a.endsAt?.getTime() === b.endsAt.getTime();
}
