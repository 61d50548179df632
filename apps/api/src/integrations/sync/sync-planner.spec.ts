import { describe, expect, it } from 'vitest';
import { planSync, type SyncPlan, type SyncSnapshot } from './sync-planner';

const ALICE = 'alice';
const connected: NonNullable<SyncSnapshot['integration']> = {
  status: 'CONNECTED',
  userId: ALICE,
  calendarId: 'work',
  syncEnabled: true,
  providerAvailable: true,
};
const hers = { status: 'SCHEDULED', technicianId: ALICE, version: 3 };
const synced: NonNullable<SyncSnapshot['record']> = {
  calendarId: 'work',
  externalId: 'ev1',
  etag: '"e1"',
  status: 'SYNCED',
  syncedVersion: 3,
  syncedPrivacyVersion: 1,
};
const known = { externalId: 'ev1', etag: '"e1"' };

/** The privacy settings version in force in every case unless the case says otherwise. */
const PRIVACY = 1;

const cases: [string, Omit<SyncSnapshot, 'privacyVersion'> & { privacyVersion?: number }, SyncPlan][] = [
  // The integration decides whether anything can run.
  ['integration row gone', { integration: null, intervention: hers, record: null }, { action: 'finish' }],
  ['disconnected', { integration: { ...connected, status: 'NOT_CONNECTED' }, intervention: hers, record: synced }, { action: 'finish' }],
  ['grant revoked', { integration: { ...connected, status: 'NEEDS_RECONNECT' }, intervention: hers, record: null }, { action: 'park', reason: 'AUTH_REVOKED' }],
  ['no calendar chosen', { integration: { ...connected, calendarId: null }, intervention: hers, record: null }, { action: 'park', reason: null }],
  ['sync switched off', { integration: { ...connected, syncEnabled: false }, intervention: hers, record: synced }, { action: 'park', reason: null }],
  ['provider no longer configured', { integration: { ...connected, providerAvailable: false }, intervention: hers, record: null }, { action: 'park', reason: null }],
  // Hers and current: write, or nothing when the calendar already shows this version.
  ['new intervention', { integration: connected, intervention: hers, record: null }, { action: 'create', calendarId: 'work' }],
  ['changed intervention', { integration: connected, intervention: { ...hers, version: 4 }, record: synced }, { action: 'update', calendarId: 'work', known }],
  ['already shows this version', { integration: connected, intervention: hers, record: synced }, { action: 'nothing' }],
  // What leaves the company changed: every event is rewritten once under the new settings.
  ['privacy settings changed since the write', { integration: connected, intervention: hers, record: synced, privacyVersion: 2 }, { action: 'update', calendarId: 'work', known }],
  ['written before privacy settings existed', { integration: connected, intervention: hers, record: { ...synced, syncedPrivacyVersion: null } }, { action: 'update', calendarId: 'work', known }],
  ['already shows the new privacy settings', { integration: connected, intervention: hers, record: { ...synced, syncedPrivacyVersion: 2 }, privacyVersion: 2 }, { action: 'nothing' }],
  ['event id forgotten (recreate)', { integration: connected, intervention: hers, record: { ...synced, externalId: null, etag: null, status: 'PENDING' } }, { action: 'create', calendarId: 'work' }],
  ['same version but last write failed', { integration: connected, intervention: hers, record: { ...synced, status: 'FAILED' } }, { action: 'update', calendarId: 'work', known }],
  ['record without etag', { integration: connected, intervention: { ...hers, version: 4 }, record: { ...synced, etag: null } }, { action: 'update', calendarId: 'work', known: { externalId: 'ev1' } }],
  [
    'another calendar chosen',
    { integration: { ...connected, calendarId: 'home' }, intervention: hers, record: synced },
    { action: 'move', from: { calendarId: 'work', known }, calendarId: 'home' },
  ],
  // Not hers any more: remove, where it was written.
  ['cancelled', { integration: connected, intervention: { ...hers, status: 'CANCELLED' }, record: synced }, { action: 'delete', calendarId: 'work', known }],
  ['reassigned', { integration: connected, intervention: { ...hers, technicianId: 'bob' }, record: synced }, { action: 'delete', calendarId: 'work', known }],
  ['unassigned', { integration: connected, intervention: { ...hers, technicianId: null }, record: synced }, { action: 'delete', calendarId: 'work', known }],
  ['deleted', { integration: connected, intervention: null, record: synced }, { action: 'delete', calendarId: 'work', known }],
  [
    'reassigned after a calendar change: removed from the old calendar',
    { integration: { ...connected, calendarId: 'home' }, intervention: { ...hers, technicianId: 'bob' }, record: synced },
    { action: 'delete', calendarId: 'work', known },
  ],
  // A crash after the provider's write and before ours: no record, the sync key still finds it.
  ['cancelled with no record', { integration: connected, intervention: { ...hers, status: 'CANCELLED' }, record: null }, { action: 'delete', calendarId: 'work' }],
  // Disconnecting with "remove events": every event we wrote goes, whatever the intervention says.
  ['disconnecting: hers and current', { integration: { ...connected, status: 'DISCONNECTING' }, intervention: hers, record: synced }, { action: 'delete', calendarId: 'work', known }],
  [
    'disconnecting: written to a calendar chosen before',
    { integration: { ...connected, status: 'DISCONNECTING', calendarId: 'home' }, intervention: hers, record: synced },
    { action: 'delete', calendarId: 'work', known },
  ],
  ['disconnecting with sync paused', { integration: { ...connected, status: 'DISCONNECTING', syncEnabled: false }, intervention: hers, record: synced }, { action: 'delete', calendarId: 'work', known }],
  ['disconnecting: a write may have reached the provider', { integration: { ...connected, status: 'DISCONNECTING' }, intervention: hers, record: null }, { action: 'delete', calendarId: 'work' }],
  ['disconnecting: provider no longer configured', { integration: { ...connected, status: 'DISCONNECTING', providerAvailable: false }, intervention: hers, record: synced }, { action: 'finish' }],
  ['disconnecting: no calendar was ever chosen', { integration: { ...connected, status: 'DISCONNECTING', calendarId: null }, intervention: hers, record: null }, { action: 'finish' }],
];

describe('planSync', () => {
  it.each(cases)('%s', (_name, snapshot, plan) => {
    expect(planSync({ privacyVersion: PRIVACY, ...snapshot })).toEqual(plan);
  });
});
