import { describe, expect, it } from 'vitest';
import { inboundFingerprint, planInbound, type InboundPlan, type InboundSnapshot } from './inbound-planner';

const ALICE = 'alice';
const at = (hour: number) => new Date(Date.UTC(2026, 11, 1, hour));
const intervention = { status: 'PLANNED', technicianId: ALICE, startsAt: at(9), endsAt: at(10) };
const record = { externalId: 'ev1', etag: '"e1"', syncedStartsAt: at(9), syncedEndsAt: at(10) };
const asWritten = { externalId: 'ev1', removed: false, etag: '"e1"', startsAt: at(9), endsAt: at(10) };
const base: InboundSnapshot = { event: asWritten, record, intervention, userId: ALICE, writePending: false, alreadyRecorded: false };

const cases: [string, Partial<InboundSnapshot>, InboundPlan][] = [
  ['someone else’s event', { record: null }, { action: 'ignore', reason: 'not-ours' }],
  ['our own write seen again (same etag)', {}, { action: 'ignore', reason: 'own-write' }],
  ['our removal of a cancelled intervention', { event: { externalId: 'ev1', removed: true }, intervention: { ...intervention, status: 'CANCELLED' } }, { action: 'ignore', reason: 'not-wanted' }],
  ['our removal after a reassignment', { event: { externalId: 'ev1', removed: true }, intervention: { ...intervention, technicianId: 'bob' } }, { action: 'ignore', reason: 'not-wanted' }],
  ['the intervention was deleted', { event: { externalId: 'ev1', removed: true }, intervention: null }, { action: 'ignore', reason: 'not-wanted' }],
  // Dispatch rescheduled; our write has run at the provider but is not recorded yet.
  ['our write in flight', { event: { ...asWritten, etag: '"e2"', startsAt: at(11), endsAt: at(12) }, writePending: true }, { action: 'ignore', reason: 'write-pending' }],
  ['moved by the person', { event: { ...asWritten, etag: '"e2"', startsAt: at(14), endsAt: at(15) } }, { action: 'moved', startsAt: at(14), endsAt: at(15) }],
  ['only the end moved', { event: { ...asWritten, etag: '"e2"', endsAt: at(11) } }, { action: 'moved', startsAt: at(9), endsAt: at(11) }],
  ['deleted by the person', { event: { externalId: 'ev1', removed: true } }, { action: 'removed' }],
  ['title edited (times unchanged)', { event: { ...asWritten, etag: '"e2"' } }, { action: 'restore' }],
  ['a move already recorded (replayed pull)', { event: { ...asWritten, etag: '"e2"', startsAt: at(14), endsAt: at(15) }, alreadyRecorded: true }, { action: 'already-recorded' }],
  ['a removal already recorded (full listing)', { event: { externalId: 'ev1', removed: true }, alreadyRecorded: true }, { action: 'already-recorded' }],
  ['an event without readable times', { event: { externalId: 'ev1', removed: false, etag: '"e2"' } }, { action: 'restore' }],
];

describe('planInbound', () => {
  it.each(cases)('%s', (_name, change, plan) => {
    expect(planInbound({ ...base, ...change })).toEqual(plan);
  });
});

describe('inboundFingerprint', () => {
  it('names a move by the etag of the moved event, so a replay finds it and a second move does not', () => {
    const moved = { ...asWritten, etag: '"e2"', startsAt: at(14) };
    const written = { externalId: 'ev1', syncedAt: at(8) };
    expect(inboundFingerprint(moved, written)).toBe(inboundFingerprint({ ...moved }, written));
    expect(inboundFingerprint({ ...moved, etag: '"e3"' }, written)).not.toBe(inboundFingerprint(moved, written));
  });

  it('names a removal by the write of ours that was removed: once recreated, a new removal is a new change', () => {
    const removed = { externalId: 'ev1', removed: true };
    const written = { externalId: 'ev1', syncedAt: at(8) };
    expect(inboundFingerprint(removed, written)).toBe(inboundFingerprint(removed, { ...written }));
    expect(inboundFingerprint(removed, { ...written, syncedAt: at(12) })).not.toBe(inboundFingerprint(removed, written));
  });
});
