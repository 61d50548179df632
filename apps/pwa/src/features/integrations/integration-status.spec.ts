import { describe, expect, it } from 'vitest';
import type { Integration } from '@fs/contracts';
import { createI18n } from '../../i18n/i18n';
import { ACTION_LABELS, holdsGrant, INTEGRATION_STATE_VIEWS, INTEGRATION_STATES, integrationView } from './integration-status';

const base: Integration = {
  provider: 'google',
  available: true,
  status: 'NOT_CONNECTED',
  accountEmail: null,
  calendarId: null,
  calendarName: null,
  syncEnabled: true,
  syncMode: 'push',
  lastError: null,
  connectedAt: null,
  shareAvailability: true,
  availabilityCalendarIds: [],
  availabilityRefreshedAt: null,
  availabilityError: null,
  health: { lastSyncedAt: null, pendingCount: 0, failedCount: 0, progress: null, pushChannel: null, availabilityPush: null },
  managedBy: null,
  supersededAccountEmail: null,
};
const connected = { ...base, status: 'CONNECTED', accountEmail: 'alice@example.com', connectedAt: '2026-11-30T10:00:00Z' } as const;

describe('integrationView', () => {
  it('offers Connect when nothing is connected', () => {
    expect(integrationView(base)).toMatchObject({ state: 'NOT_CONNECTED', tone: 'neutral', action: 'connect' });
  });

  it('offers Reconnect, in the danger colour, when the provider refused the grant', () => {
    expect(integrationView({ ...connected, status: 'NEEDS_RECONNECT', lastError: 'AUTH_REVOKED' })).toMatchObject({
      state: 'NEEDS_RECONNECT',
      tone: 'danger',
      action: 'reconnect',
    });
  });

  it('offers Reconnect for tokens the server can no longer read, explaining it is not the provider', async () => {
    const view = integrationView({ ...connected, status: 'NEEDS_RECONNECT', lastError: 'TOKEN_UNREADABLE' });
    expect(view).toMatchObject({ state: 'NEEDS_RECONNECT', tone: 'danger', action: 'reconnect', hint: 'integrations.hint.TOKEN_UNREADABLE' });
    for (const language of ['fr', 'en'] as const) {
      const i18n = await createI18n(language);
      expect(i18n.t(view.hint, { provider: 'Google' })).not.toBe(i18n.t('integrations.hint.NEEDS_RECONNECT', { provider: 'Google' }));
      expect(i18n.exists(view.hint)).toBe(true);
    }
  });

  it('asks to choose a calendar when connected without one', () => {
    expect(integrationView(connected)).toMatchObject({ state: 'NEEDS_CALENDAR', tone: 'warning', action: 'chooseCalendar' });
  });

  it('shows a connected integration with a calendar as syncing, or paused when sync is off', () => {
    const chosen = { ...connected, calendarId: 'cal-1', calendarName: 'Interventions' };
    expect(integrationView(chosen)).toMatchObject({ state: 'SYNCING', tone: 'success', action: null });
    expect(integrationView({ ...chosen, syncEnabled: false })).toMatchObject({ state: 'SYNC_PAUSED', tone: 'warning', action: null });
  });

  it('says "not configured" and offers nothing to connect when the provider is unavailable, whatever the status', () => {
    expect(integrationView({ ...base, available: false })).toMatchObject({ state: 'UNAVAILABLE', action: null });
    expect(integrationView({ ...connected, available: false, calendarId: 'c' }).state).toBe('UNAVAILABLE');
  });

  it('treats only connected states as holding a grant (calendars can be listed)', () => {
    expect(INTEGRATION_STATES.filter(holdsGrant)).toEqual(['NEEDS_CALENDAR', 'SYNC_PAUSED', 'SYNC_FAILED', 'SYNC_RUNNING', 'SYNCING']);
  });

  it('never says the interventions appear in the calendar while the first ones are still being sent', () => {
    const chosen = { ...connected, calendarId: 'cal-1', calendarName: 'Interventions' };
    const sending = { ...chosen, health: { ...chosen.health, pendingCount: 28, progress: { kind: 'writing', done: 12, total: 40 } } } as const;
    expect(integrationView(sending)).toMatchObject({ state: 'SYNC_RUNNING', action: null });
  });

  it('turns to an error state offering "retry failed" when the worker gave up on an event', () => {
    const chosen = { ...connected, calendarId: 'cal-1', calendarName: 'Interventions' };
    const failed = { ...chosen, lastError: 'PERMANENT', health: { ...chosen.health, failedCount: 1 } } as const;
    expect(integrationView(failed)).toMatchObject({ state: 'SYNC_FAILED', tone: 'danger', action: 'retryFailed' });
  });

  it('shows a disconnect that is removing our events, with nothing else to do', () => {
    expect(integrationView({ ...connected, status: 'DISCONNECTING' })).toMatchObject({ state: 'DISCONNECTING', action: null });
  });
});

describe('status table texts', () => {
  it('has a distinct French and English label and explanation for every state', async () => {
    const [fr, en] = await Promise.all([createI18n('fr'), createI18n('en')]);
    for (const lang of [fr, en]) {
      const labels = INTEGRATION_STATES.map((state) => INTEGRATION_STATE_VIEWS[state].label);
      const hints = INTEGRATION_STATES.map((state) => INTEGRATION_STATE_VIEWS[state].hint);
      for (const key of [...labels, ...hints]) expect(lang.exists(key), key).toBe(true);
      expect(new Set(labels.map((key) => lang.t(key))).size).toBe(INTEGRATION_STATES.length);
      expect(new Set(hints.map((key) => lang.t(key))).size).toBe(INTEGRATION_STATES.length);
    }
    for (const state of INTEGRATION_STATES) {
      expect(fr.t(INTEGRATION_STATE_VIEWS[state].hint)).not.toBe(en.t(INTEGRATION_STATE_VIEWS[state].hint));
    }
  });

  it('words the states and actions a person acts on', async () => {
    const en = await createI18n('en');
    expect(en.t(INTEGRATION_STATE_VIEWS.NEEDS_CALENDAR.label)).toBe('Choose a calendar');
    expect(en.t(INTEGRATION_STATE_VIEWS.NOT_CONNECTED.label)).toBe('Not connected');
    expect(en.t(INTEGRATION_STATE_VIEWS.UNAVAILABLE.hint)).toBe('Not configured by your administrator.');
    expect(en.t(ACTION_LABELS.connect, { provider: 'Google Calendar' })).toBe('Connect Google Calendar');
    expect(en.t(ACTION_LABELS.reconnect, { provider: 'Microsoft Outlook' })).toBe('Reconnect Microsoft Outlook');
    expect(en.t(INTEGRATION_STATE_VIEWS.NEEDS_RECONNECT.hint, { provider: 'Google Calendar' })).toMatch(/^Google Calendar no longer accepts.*Reconnect/);
  });
});
