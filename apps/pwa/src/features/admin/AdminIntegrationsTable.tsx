// The admin overview table: one row per person and provider, who must reconnect first.
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { providerName } from '../integrations/integration-result';
import { adminIntegrationsQuery } from './admin.api';
import { adminIntegrationRows } from './admin-integration-rows';

export function AdminIntegrationsTable() {
  const { t, i18n } = useTranslation();
  const integrations = useQuery(adminIntegrationsQuery());
  if (integrations.isPending) return <p className="page-status">{t('app.loading')}</p>;
  if (integrations.isError) return <ErrorAlert error={integrations.error} onRetry={() => void integrations.refetch()} />;
  const rows = adminIntegrationRows(integrations.data);
  if (rows.length === 0) return <p className="muted">{t('admin.integrations.empty')}</p>;
  const date = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'short', timeStyle: 'short' });

  return (
    // Scrolls sideways on a phone: focusable so a keyboard can scroll it, and named.
    <div className="table-scroll" tabIndex={0} role="region" aria-label={t('admin.integrations.caption')}>
      <table className="admin-table" data-testid="admin-integrations">
        <caption>{t('admin.integrations.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('admin.integrations.person')}</th>
            <th scope="col">{t('admin.integrations.provider')}</th>
            <th scope="col">{t('admin.integrations.status')}</th>
            <th scope="col">{t('admin.integrations.lastSync')}</th>
            <th scope="col">{t('admin.integrations.failures')}</th>
            <th scope="col">{t('admin.integrations.lastError')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={`${row.userId}:${row.provider}`} data-testid="admin-integration-row" data-attention={row.attention ?? 'none'}>
              <th scope="row">
                {row.userName}
                <span className="muted admin-email">{row.userEmail}</span>
              </th>
              <td>{providerName(i18n, row.provider)}</td>
              <td>
                <span className={`badge badge-${row.tone}`}>
                  <span aria-hidden="true">{row.icon} </span>
                  {t(row.statusLabel)}
                </span>
                {row.attention && <span className="admin-attention">{t(`admin.attention.${row.attention}`)}</span>}
              </td>
              <td>{row.lastSyncAt ? date.format(new Date(row.lastSyncAt)) : t('admin.integrations.never')}</td>
              <td>{row.failedCount}</td>
              <td>{row.errorLabel ? t(row.errorLabel) : '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
