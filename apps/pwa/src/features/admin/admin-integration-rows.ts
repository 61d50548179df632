// Pure: the admin overview's rows, those needing someone first (reconnect, then failures),
// each with what it shows: status text key, tone, icon (never colour alone).
import type { AdminIntegration, IntegrationErrorCode, IntegrationStatus } from '@fs/contracts';

export type Attention = 'reconnect' | 'failures' | null;
export type Tone = 'neutral' | 'success' | 'warning' | 'danger';

export interface AdminIntegrationRow extends AdminIntegration {
  attention: Attention;
  statusLabel: `admin.status.${IntegrationStatus}`;
  tone: Tone;
  /** Shown next to the text, hidden from screen readers (the text says it). */
  icon: string;
  errorLabel: `admin.errors.${IntegrationErrorCode}` | null;
}

const STATUS_VIEW: Record<IntegrationStatus, { tone: Tone; icon: string }> = {
  CONNECTED: { tone: 'success', icon: '✓' },
  NEEDS_RECONNECT: { tone: 'danger', icon: '⚠' },
  NOT_CONNECTED: { tone: 'neutral', icon: '○' },
  DISCONNECTING: { tone: 'neutral', icon: '…' },
};

const ATTENTION_ORDER: Record<NonNullable<Attention> | 'none', number> = { reconnect: 0, failures: 1, none: 2 };

export function attentionOf(row: Pick<AdminIntegration, 'status' | 'failedCount'>): Attention {
  if (row.status === 'NEEDS_RECONNECT') return 'reconnect';
  if (row.status === 'CONNECTED' && row.failedCount > 0) return 'failures';
  return null;
}

export function adminIntegrationRows(list: AdminIntegration[]): AdminIntegrationRow[] {
  return list
    .map((integration) => {
      const view = STATUS_VIEW[integration.status];
      const attention = attentionOf(integration);
      return {
        ...integration,
        attention,
        statusLabel: `admin.status.${integration.status}` as const,
        tone: attention === 'failures' ? 'warning' : view.tone,
        icon: attention === 'failures' ? '⚠' : view.icon,
        errorLabel: integration.lastError ? (`admin.errors.${integration.lastError}` as const) : null,
      };
    })
    .sort((a, b) => ATTENTION_ORDER[a.attention ?? 'none'] - ATTENTION_ORDER[b.attention ?? 'none'] || a.userName.localeCompare(b.userName));
}
