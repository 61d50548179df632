// Pure: what a person is told about sync, from the outbox (sync_jobs) and what we last
// wrote (intervention_syncs). A job waiting wins over the record: the record describes the
// past, the job says a newer change (or a retry) is on its way.
import type { CalendarProviderId, IntegrationErrorCode, InterventionSync, SyncProgress } from '@fs/contracts';

export interface SyncRecordView {
  status: 'SYNCED' | 'PENDING' | 'FAILED';
  lastError: string | null;
  syncedAt: Date | null;
}

export interface SyncJobView {
  status: 'PENDING' | 'PARKED';
  lastError: string | null;
}

/**
 * One intervention in one calendar; null when there is nothing to say (never written and
 * nothing on the way: e.g. a cancelled intervention whose event is already gone).
 */
export function interventionSyncState(
  provider: CalendarProviderId,
  record: SyncRecordView | null,
  job: SyncJobView | null,
  integrationStatus: string,
): InterventionSync | null {
  const syncedAt = record?.syncedAt?.toISOString() ?? null;
  // A revoked grant parks everything: say why, whatever the record held before.
  if (integrationStatus === 'NEEDS_RECONNECT' && (job || (record && record.status !== 'SYNCED'))) {
    return { provider, state: 'pending', syncedAt, reason: 'AUTH_REVOKED' };
  }
  if (job) return { provider, state: 'pending', syncedAt, reason: code(job.lastError ?? record?.lastError ?? null) };
  if (!record) return null;
  if (record.status === 'FAILED') return { provider, state: 'failed', syncedAt, reason: code(record.lastError) ?? 'PERMANENT' };
  if (record.status === 'PENDING') return { provider, state: 'pending', syncedAt, reason: code(record.lastError) };
  return { provider, state: 'synced', syncedAt, reason: null };
}

/** Progress of a bulk run: what is no longer waiting, out of what the run started with. */
export function syncProgress(kind: SyncProgress['kind'], runTotal: number | null, jobsLeft: number): SyncProgress | null {
  if (runTotal === null || runTotal === 0 || jobsLeft === 0) return null;
  return { kind, total: runTotal, done: Math.max(0, Math.min(runTotal, runTotal - jobsLeft)) };
}

/** The columns hold codes written by our own code (closed sets); read them back as such. */
function code(value: string | null): IntegrationErrorCode | null {
  return (value as IntegrationErrorCode | null) ?? null;
}
