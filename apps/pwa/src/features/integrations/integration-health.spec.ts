import { describe, expect, it } from 'vitest';
import { INTEGRATION_ERROR_CODES, type Integration } from '@fs/contracts';
import { createI18n } from '../../i18n/i18n';
import { availabilityPushText, healthTexts } from './integration-health';

const syncing: Integration = {
  provider: 'google',
  available: true,
  status: 'CONNECTED',
  accountEmail: 'alice@example.com',
  calendarId: 'cal-1',
  calendarName: 'Interventions',
  syncEnabled: true,
  syncMode: 'push',
  lastError: null,
  connectedAt: '2026-11-30T10:00:00Z',
  shareAvailability: true,
  availabilityCalendarIds: [],
  availabilityRefreshedAt: null,
  availabilityError: null,
  health: { lastSyncedAt: '2026-12-01T09:30:00Z', pendingCount: 0, failedCount: 0, progress: null, pushChannel: null, availabilityPush: null },
  managedBy: null,
  supersededAccountEmail: null,
};

describe('healthTexts', () => {
  it('shows the progress of a first sync in both languages', async () => {
    const sending = { ...syncing, health: { ...syncing.health, lastSyncedAt: null, pendingCount: 28, progress: { kind: 'writing', done: 12, total: 40 } } } as const;
    const en = await createI18n('en');
    const fr = await createI18n('fr');
    expect(healthTexts(en.t, sending, 'Google Calendar', 'en')).toMatchObject({
      progress: { text: '12 of 40 interventions sent', done: 12, total: 40 },
      lastSync: 'Nothing sent yet',
      counts: null,
    });
    expect(healthTexts(fr.t, sending, 'Google Agenda', 'fr').progress?.text).toBe('12 sur 40 interventions envoyées');
  });

  it('says when something was last sent, and nothing more when all is well', async () => {
    const texts = healthTexts((await createI18n('en')).t, syncing, 'Google Calendar', 'en');
    expect(texts.lastSync).toMatch(/^Last sent: /);
    expect(texts).toMatchObject({ progress: null, counts: null, reason: null });
  });

  it('counts what failed and says why, with what to do', async () => {
    const failed = { ...syncing, lastError: 'PERMANENT', health: { ...syncing.health, failedCount: 2 } } as const;
    const texts = healthTexts((await createI18n('en')).t, failed, 'Google Calendar', 'en');
    expect(texts.counts).toBe('2 interventions not sent');
    expect(texts.reason).toMatch(/^Google Calendar refused an intervention.*retry/);
  });

  it('has a French and an English sentence for every error code', async () => {
    const [fr, en] = await Promise.all([createI18n('fr'), createI18n('en')]);
    for (const code of INTEGRATION_ERROR_CODES) {
      const failed = { ...syncing, lastError: code };
      const [frText, enText] = [healthTexts(fr.t, failed, 'X', 'fr').reason, healthTexts(en.t, failed, 'X', 'en').reason];
      expect(fr.exists(`integrations.syncReasons.${code}`), code).toBe(true);
      expect(en.exists(`integrations.syncReasons.${code}`), code).toBe(true);
      expect(frText).not.toBe(enText);
    }
  });

  it('shows the removal progress of a disconnect', async () => {
    const removing = { ...syncing, status: 'DISCONNECTING', health: { ...syncing.health, pendingCount: 4, progress: { kind: 'removing', done: 3, total: 7 } } } as const;
    expect(healthTexts((await createI18n('en')).t, removing, 'Google Calendar', 'en')).toMatchObject({
      progress: { text: '3 of 7 interventions removed' },
      lastSync: null,
    });
  });

  it('says whether two-way changes arrive by push, or only with the periodic read when the provider refused the watch', async () => {
    const en = await createI18n('en');
    const fr = await createI18n('fr');
    const watch = (state: 'active' | 'refused') => ({ ...syncing, syncMode: 'two-way', health: { ...syncing.health, pushChannel: { state, expiresAt: null, lastError: state === 'refused' ? 'PERMANENT' : null } } }) as const;
    expect(healthTexts(en.t, watch('active'), 'Google Calendar', 'en').push).toBe('Changes made in Google Calendar reach dispatch within seconds.');
    expect(healthTexts(fr.t, watch('refused'), 'Outlook', 'fr').push).toMatch(/^Outlook a refusé les mises à jour instantanées/);
    expect(healthTexts(en.t, syncing, 'Google Calendar', 'en').push).toBeNull();
  });

  it('says on the sharing switch whether busy times reach dispatch within a minute, or why not', async () => {
    const en = await createI18n('en');
    const fr = await createI18n('fr');
    const withPush = (availabilityPush: 'pending' | 'active' | 'refused' | null, shareAvailability = true) =>
      ({ ...syncing, shareAvailability, health: { ...syncing.health, availabilityPush } }) as const;
    expect(availabilityPushText(en.t, withPush('active'), 'Google Calendar')).toEqual({ active: 'Changes in your calendar reach dispatch within a minute.', refused: null });
    expect(availabilityPushText(fr.t, withPush('refused'), 'Outlook').refused).toMatch(/^Outlook a refusé les mises à jour instantanées/);
    for (const quiet of [withPush('pending'), withPush(null), withPush('active', false)]) expect(availabilityPushText(en.t, quiet, 'Outlook')).toEqual({ active: null, refused: null });
  });
});
