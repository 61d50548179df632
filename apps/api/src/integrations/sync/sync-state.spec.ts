import { describe, expect, it } from 'vitest';
import { interventionSyncState, syncProgress, type SyncJobView, type SyncRecordView } from './sync-state';

const at = new Date('2027-01-12T08:00:00Z');
const synced: SyncRecordView = { status: 'SYNCED', lastError: null, syncedAt: at };
const failed: SyncRecordView = { status: 'FAILED', lastError: 'PERMANENT', syncedAt: null };
const due: SyncJobView = { status: 'PENDING', lastError: null };

describe('interventionSyncState', () => {
  it.each([
    ['written and nothing waiting', synced, null, 'CONNECTED', { state: 'synced', syncedAt: at.toISOString(), reason: null }],
    ['a change waiting after a write', synced, due, 'CONNECTED', { state: 'pending', syncedAt: at.toISOString(), reason: null }],
    ['given up', failed, null, 'CONNECTED', { state: 'failed', syncedAt: null, reason: 'PERMANENT' }],
    ['given up, then retried', failed, due, 'CONNECTED', { state: 'pending', syncedAt: null, reason: 'PERMANENT' }],
    ['throttled, retry scheduled', { status: 'PENDING', lastError: 'RATE_LIMITED', syncedAt: null }, { status: 'PENDING', lastError: 'RATE_LIMITED' }, 'CONNECTED', { state: 'pending', syncedAt: null, reason: 'RATE_LIMITED' }],
    ['parked on a revoked grant', synced, { status: 'PARKED', lastError: null }, 'NEEDS_RECONNECT', { state: 'pending', syncedAt: at.toISOString(), reason: 'AUTH_REVOKED' }],
    ['given up before the grant was revoked', failed, null, 'NEEDS_RECONNECT', { state: 'pending', syncedAt: null, reason: 'AUTH_REVOKED' }],
    ['written before the grant was revoked, nothing changed since', synced, null, 'NEEDS_RECONNECT', { state: 'synced', syncedAt: at.toISOString(), reason: null }],
  ] as const)('%s', (_name, record, job, status, expected) => {
    expect(interventionSyncState('google', record, job, status)).toEqual({ provider: 'google', ...expected });
  });

  it('says nothing when nothing was written and nothing waits', () => {
    expect(interventionSyncState('google', null, null, 'CONNECTED')).toBeNull();
    expect(interventionSyncState('google', null, null, 'NEEDS_RECONNECT')).toBeNull();
  });
});

describe('syncProgress', () => {
  it('counts what no longer waits', () => {
    expect(syncProgress('writing', 40, 28)).toEqual({ kind: 'writing', done: 12, total: 40 });
  });
  it('ends when nothing waits, and without a run', () => {
    expect(syncProgress('writing', 40, 0)).toBeNull();
    expect(syncProgress('writing', null, 3)).toBeNull();
  });
  it('never goes below 0 when changes arrive during the run', () => {
    expect(syncProgress('removing', 5, 7)).toEqual({ kind: 'removing', done: 0, total: 5 });
  });
});
