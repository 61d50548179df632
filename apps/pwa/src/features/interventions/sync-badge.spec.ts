import { describe, expect, it } from 'vitest';
import { createI18n } from '../../i18n/i18n';
import { SYNC_BADGES, syncBadgeView, type SyncBadgeKind } from './sync-badge';

const at = '2027-01-12T08:00:00.000Z';

describe('syncBadgeView', () => {
  it('shows a synced intervention as in the calendar, with nothing to do', () => {
    expect(syncBadgeView({ provider: 'google', state: 'synced', syncedAt: at, reason: null })).toMatchObject({ kind: 'synced', tone: 'success', action: null });
  });

  it('offers retry on a failed one', () => {
    expect(syncBadgeView({ provider: 'google', state: 'failed', syncedAt: null, reason: 'PERMANENT' })).toMatchObject({ kind: 'failed', tone: 'danger', action: 'retry' });
  });

  it('says "reconnect" when it waits for a revoked grant, and only "pending" when it waits for the worker', () => {
    expect(syncBadgeView({ provider: 'google', state: 'pending', syncedAt: at, reason: 'AUTH_REVOKED' })).toMatchObject({ kind: 'reconnect', action: 'reconnect' });
    expect(syncBadgeView({ provider: 'google', state: 'pending', syncedAt: null, reason: 'RATE_LIMITED' })).toMatchObject({ kind: 'pending', action: null });
  });

  it('has an icon and a distinct text in both languages for every badge', async () => {
    for (const language of ['fr', 'en'] as const) {
      const i18n = await createI18n(language);
      const kinds = Object.keys(SYNC_BADGES) as SyncBadgeKind[];
      const texts = kinds.map((kind) => i18n.t(SYNC_BADGES[kind].label));
      for (const kind of kinds) {
        expect(i18n.exists(SYNC_BADGES[kind].label), kind).toBe(true);
        expect(SYNC_BADGES[kind].icon).not.toBe('');
      }
      expect(new Set(texts).size).toBe(kinds.length);
    }
  });
});
