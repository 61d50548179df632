// The sync health lines of a Settings card, in words: progress of a bulk run ("12 of 40
// interventions sent"), when something was last sent, what waits or failed, and why it
// failed (a sentence saying what to do). Pure: the card only renders these.
import type { TFunction } from 'i18next';
import type { Integration } from '@fs/contracts';

export interface HealthTexts {
  progress: { text: string; done: number; total: number } | null;
  lastSync: string | null;
  counts: string | null;
  reason: string | null;
  /** Two-way push: changes arrive within seconds, or (refused) with the periodic read only. */
  push: string | null;
}

export function healthTexts(t: TFunction, integration: Integration, provider: string, locale: string): HealthTexts {
  const { health, lastError, status } = integration;
  const progress = health.progress
    ? { text: t(`integrations.health.${health.progress.kind}`, { done: health.progress.done, total: health.progress.total }), done: health.progress.done, total: health.progress.total }
    : null;
  const connected = status === 'CONNECTED' && integration.calendarId !== null;
  const when = health.lastSyncedAt ? new Intl.DateTimeFormat(locale, { dateStyle: 'short', timeStyle: 'short' }).format(new Date(health.lastSyncedAt)) : null;
  const counts = [
    health.pendingCount > 0 && !progress ? t('integrations.health.pending', { count: health.pendingCount }) : null,
    health.failedCount > 0 ? t('integrations.health.failed', { count: health.failedCount }) : null,
  ].filter(Boolean);
  return {
    progress,
    lastSync: connected ? (when ? t('integrations.health.lastSync', { when }) : t('integrations.health.never')) : null,
    counts: counts.length > 0 ? counts.join(' · ') : null,
    // A reconnect reason is the card's own hint; the others say what went wrong with sending.
    reason: connected && lastError ? t(`integrations.syncReasons.${lastError}`, { provider }) : null,
    push: pushText(t, integration, provider),
  };
}

function pushText(t: TFunction, integration: Integration, provider: string): string | null {
  const state = integration.syncMode === 'two-way' ? integration.health.pushChannel?.state : undefined;
  return state === 'active' || state === 'refused' ? t(`integrations.health.push.${state}`, { provider }) : null;
}

/**
 * Availability push, for the sharing switch: a sentence when changes in the person's calendar
 * reach dispatch within a minute, a warning when the provider refused it (busy times then follow
 * the periodic read); nothing otherwise (no PUBLIC_API_URL, sharing off, being set up).
 */
export function availabilityPushText(t: TFunction, integration: Integration, provider: string): { active: string | null; refused: string | null } {
  const push = integration.status === 'CONNECTED' && integration.shareAvailability ? integration.health.availabilityPush : null;
  return {
    active: push === 'active' ? t('integrations.availability.pushActive') : null,
    refused: push === 'refused' ? t('integrations.availability.pushRefused', { provider }) : null,
  };
}
