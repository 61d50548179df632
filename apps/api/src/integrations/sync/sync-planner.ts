// The one place that decides what must happen to one intervention in one person's calendar.
// Pure: a snapshot of what the database holds now (integration, intervention, what we last
// wrote) in, a plan out. The worker reads the snapshot, runs the plan, records the outcome.
// Two-way sync adds its inbound cases here, next to the outbound ones.
import type { EventRef } from '../providers/calendar-provider';
import type { ProviderErrorCode } from '../providers/provider-error';

export interface SyncSnapshot {
  /** Null when the integration row is gone. */
  integration: {
    status: 'NOT_CONNECTED' | 'CONNECTED' | 'NEEDS_RECONNECT' | 'DISCONNECTING';
    userId: string;
    calendarId: string | null;
    syncEnabled: boolean;
    /** An OAuth client is configured for its provider (the admin may have removed it). */
    providerAvailable: boolean;
  } | null;
  /** Null when the intervention was deleted. */
  intervention: { status: string; technicianId: string | null; version: number } | null;
  /** The event privacy settings version in force: part of what an event must show. */
  privacyVersion: number;
  /** What we last wrote (intervention_syncs), null when nothing. */
  record: {
    calendarId: string | null;
    externalId: string | null;
    etag: string | null;
    status: 'PENDING' | 'SYNCED' | 'FAILED';
    syncedVersion: number | null;
    syncedPrivacyVersion: number | null;
  } | null;
}

export type SyncPlan =
  /** Disconnected: the grant and our claim on that calendar are gone; drop the job. */
  | { action: 'finish' }
  /** Waits for the person (reconnect, calendar choice, sync re-enabled, provider configured). */
  | { action: 'park'; reason: ProviderErrorCode | null }
  /** The calendar already shows this version of the intervention, under these privacy settings. */
  | { action: 'nothing' }
  /** Write the event in `calendarId` (the adapter finds it by sync key if a crash hid it from us). */
  | { action: 'create'; calendarId: string }
  | { action: 'update'; calendarId: string; known: EventRef }
  /** The person chose another calendar: remove from `from`, then write fresh in `calendarId`. */
  | { action: 'move'; from: { calendarId: string; known?: EventRef }; calendarId: string }
  /** Not (or no longer) this person's: remove. Asked even with no record (crash after the provider's write). */
  | { action: 'delete'; calendarId: string; known?: EventRef };

export function planSync({ integration, intervention, privacyVersion, record }: SyncSnapshot): SyncPlan {
  if (!integration || integration.status === 'NOT_CONNECTED') return { action: 'finish' };
  if (integration.status === 'NEEDS_RECONNECT') return { action: 'park', reason: 'AUTH_REVOKED' };
  if (integration.status === 'DISCONNECTING') return planRemoval(integration, record);
  if (!integration.calendarId || !integration.syncEnabled || !integration.providerAvailable) return { action: 'park', reason: null };
  const target = integration.calendarId;
  const known = knownRef(record);

  const wanted = intervention !== null && intervention.status !== 'CANCELLED' && intervention.technicianId === integration.userId;
  if (!wanted) return { action: 'delete', calendarId: record?.calendarId ?? target, ...(known ? { known } : {}) };

  if (record?.calendarId && record.calendarId !== target) {
    return { action: 'move', from: { calendarId: record.calendarId, ...(known ? { known } : {}) }, calendarId: target };
  }
  const current = record?.syncedVersion === intervention.version && record.syncedPrivacyVersion === privacyVersion;
  if (record?.status === 'SYNCED' && current && known) return { action: 'nothing' };
  return known ? { action: 'update', calendarId: target, known } : { action: 'create', calendarId: target };
}

/**
 * The person disconnected and asked us to remove our events: every job of the integration
 * deletes, whatever the intervention says (sync paused or not: they asked). Without a
 * provider or a calendar there is nothing we can remove.
 */
function planRemoval(integration: NonNullable<SyncSnapshot['integration']>, record: SyncSnapshot['record']): SyncPlan {
  const calendarId = record?.calendarId ?? integration.calendarId;
  if (!integration.providerAvailable || !calendarId) return { action: 'finish' };
  const known = knownRef(record);
  return { action: 'delete', calendarId, ...(known ? { known } : {}) };
}

function knownRef(record: SyncSnapshot['record']): EventRef | undefined {
  if (!record?.externalId) return undefined;
  return { externalId: record.externalId, ...(record.etag ? { etag: record.etag } : {}) };
}
