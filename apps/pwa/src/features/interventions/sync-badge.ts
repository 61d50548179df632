// The one table of what an intervention's sync state looks like in the list: icon, text,
// tone, and the action offered. Icon + text, never colour alone. Pure; SyncBadge renders it.
import type { InterventionSync } from '@fs/contracts';

export type SyncBadgeKind = InterventionSync['state'] | 'reconnect';
export type SyncBadgeAction = 'retry' | 'reconnect' | null;

export interface SyncBadgeView {
  kind: SyncBadgeKind;
  /** Decorative (aria-hidden): the text says the same. */
  icon: string;
  tone: 'success' | 'neutral' | 'danger' | 'warning';
  label: `sync.state.${SyncBadgeKind}`;
  action: SyncBadgeAction;
}

export const SYNC_BADGES: Record<SyncBadgeKind, SyncBadgeView> = {
  synced: { kind: 'synced', icon: '✓', tone: 'success', label: 'sync.state.synced', action: null },
  pending: { kind: 'pending', icon: '↻', tone: 'neutral', label: 'sync.state.pending', action: null },
  failed: { kind: 'failed', icon: '!', tone: 'danger', label: 'sync.state.failed', action: 'retry' },
  reconnect: { kind: 'reconnect', icon: '!', tone: 'warning', label: 'sync.state.reconnect', action: 'reconnect' },
};

export function syncBadgeView(sync: InterventionSync): SyncBadgeView {
  // Waiting for the person, not the worker: say what they must do.
  if (sync.state === 'pending' && (sync.reason === 'AUTH_REVOKED' || sync.reason === 'TOKEN_UNREADABLE')) return SYNC_BADGES.reconnect;
  return SYNC_BADGES[sync.state];
}
