// The one table of what a person sees for a calendar integration: for each state, the badge
// label and colour, the sentence that explains it, and the action offered. The card renders
// from this table only, so a new state is one row here (plus its texts in fr.ts / en.ts).
import type { Integration } from '@fs/contracts';

/**
 * The API's status, refined by what the person still has to do: CONNECTED splits into
 * "choose a calendar", "sync paused", "sync failed" (the worker gave up on some events),
 * "sending" (a first sync or calendar change in progress: never "your interventions appear"
 * before they do) and "syncing"; `available: false` wins over all.
 */
export const INTEGRATION_STATES = [
  'UNAVAILABLE',
  'NOT_CONNECTED',
  'NEEDS_RECONNECT',
  'NEEDS_CALENDAR',
  'SYNC_PAUSED',
  'SYNC_FAILED',
  'SYNC_RUNNING',
  'SYNCING',
  'DISCONNECTING',
] as const;
export type IntegrationState = (typeof INTEGRATION_STATES)[number];

export type IntegrationAction = 'connect' | 'reconnect' | 'chooseCalendar' | 'retryFailed';
export type IntegrationTone = 'neutral' | 'success' | 'warning' | 'danger';

export interface IntegrationStateView {
  /** i18n key of the badge text. */
  label: `integrations.state.${IntegrationState}`;
  /** i18n key of the explanation (interpolates provider, email, calendar); a reconnect caused by our server has its own. */
  hint: `integrations.hint.${IntegrationState | 'TOKEN_UNREADABLE'}`;
  tone: IntegrationTone;
  /** The one thing the person should do next; null when nothing is needed. */
  action: IntegrationAction | null;
}

const row = (state: IntegrationState, tone: IntegrationTone, action: IntegrationAction | null): IntegrationStateView => ({
  label: `integrations.state.${state}`,
  hint: `integrations.hint.${state}`,
  tone,
  action,
});

export const INTEGRATION_STATE_VIEWS: Record<IntegrationState, IntegrationStateView> = {
  UNAVAILABLE: row('UNAVAILABLE', 'neutral', null),
  NOT_CONNECTED: row('NOT_CONNECTED', 'neutral', 'connect'),
  NEEDS_RECONNECT: row('NEEDS_RECONNECT', 'danger', 'reconnect'),
  NEEDS_CALENDAR: row('NEEDS_CALENDAR', 'warning', 'chooseCalendar'),
  SYNC_PAUSED: row('SYNC_PAUSED', 'warning', null),
  SYNC_FAILED: row('SYNC_FAILED', 'danger', 'retryFailed'),
  SYNC_RUNNING: row('SYNC_RUNNING', 'neutral', null),
  SYNCING: row('SYNCING', 'success', null),
  DISCONNECTING: row('DISCONNECTING', 'warning', null),
};

/** i18n key of the button for each action. */
export const ACTION_LABELS: Record<IntegrationAction, `integrations.actions.${IntegrationAction}`> = {
  connect: 'integrations.actions.connect',
  reconnect: 'integrations.actions.reconnect',
  chooseCalendar: 'integrations.actions.chooseCalendar',
  retryFailed: 'integrations.actions.retryFailed',
};

type StateInput = Pick<Integration, 'available' | 'status' | 'calendarId' | 'syncEnabled' | 'lastError' | 'health'>;

export function integrationState(integration: StateInput): IntegrationState {
  if (!integration.available) return 'UNAVAILABLE';
  switch (integration.status) {
    case 'NOT_CONNECTED':
      return 'NOT_CONNECTED';
    case 'NEEDS_RECONNECT':
      return 'NEEDS_RECONNECT';
    case 'DISCONNECTING':
      return 'DISCONNECTING';
    case 'CONNECTED':
      if (!integration.calendarId) return 'NEEDS_CALENDAR';
      if (!integration.syncEnabled) return 'SYNC_PAUSED';
      // A failure the worker gave up on outranks progress: it needs the person.
      if (integration.health.failedCount > 0 || integration.lastError) return 'SYNC_FAILED';
      return integration.health.progress ? 'SYNC_RUNNING' : 'SYNCING';
  }
}

/** True while the API holds a grant for this provider (so calendars can be listed, settings changed). */
export function holdsGrant(state: IntegrationState): boolean {
  return state === 'NEEDS_CALENDAR' || state === 'SYNC_PAUSED' || state === 'SYNC_FAILED' || state === 'SYNC_RUNNING' || state === 'SYNCING';
}

export function integrationView(integration: Integration): IntegrationStateView & { state: IntegrationState } {
  const state = integrationState(integration);
  const view = INTEGRATION_STATE_VIEWS[state];
  // Same state and action as a revoked grant, but the provider did nothing: say what happened.
  if (state === 'NEEDS_RECONNECT' && integration.lastError === 'TOKEN_UNREADABLE') return { state, ...view, hint: 'integrations.hint.TOKEN_UNREADABLE' };
  return { state, ...view };
}
