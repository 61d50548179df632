// An intervention's sync state in each calendar of its technician: a badge (icon + text,
// from the table in sync-badge.ts), the reason in words for a failure, "retry" on a failed
// one and a link to Settings when the calendar needs a reconnect. Nothing when the
// technician has no calendar receiving interventions.
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { Intervention } from '@fs/contracts';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { providerName } from '../integrations/integration-result';
import { syncBadgeView } from './sync-badge';
import { useRetryInterventionSync } from './use-retry-intervention-sync';

export function SyncBadges({ intervention, onNotice }: { intervention: Intervention; onNotice: (key: string) => void }) {
  const { t, i18n } = useTranslation();
  const retry = useRetryInterventionSync(intervention.id);
  if (intervention.sync.length === 0) return null;
  return (
    <>
      <ul className="sync-badges" aria-label={t('integrations.title')}>
        {intervention.sync.map((sync) => {
          const view = syncBadgeView(sync);
          const provider = providerName(i18n, sync.provider);
          const reason = view.kind === 'failed' && sync.reason ? t(`integrations.syncReasons.${sync.reason}`, { provider }) : undefined;
          return (
            <li key={sync.provider} data-testid="sync-badge" data-provider={sync.provider} data-sync-state={view.kind}>
              <span className={`badge badge-${view.tone}`} title={reason}>
                <span aria-hidden="true">{view.icon} </span>
                {t('sync.provider', { provider, state: t(view.label) })}
              </span>
              {reason && <span className="visually-hidden">{reason}</span>}
              {view.action === 'retry' && (
                <button
                  type="button"
                  className="button button-small"
                  disabled={retry.isPending}
                  aria-label={t('sync.retryLabel', { title: intervention.title, provider })}
                  onClick={() => retry.mutate(undefined, { onSuccess: () => onNotice('sync.retried') })}
                >
                  {t('sync.retry')}
                </button>
              )}
              {view.action === 'reconnect' && (
                <Link to="/settings" className="button button-small">
                  {t('sync.reconnect')}
                </Link>
              )}
            </li>
          );
        })}
      </ul>
      {retry.isError && <ErrorAlert error={retry.error} />}
    </>
  );
}
