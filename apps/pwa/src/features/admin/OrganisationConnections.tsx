// The admin's org-wide connections: connect the company's Microsoft 365 (admin consent) or
// Google Workspace (service account key) once for every technician, disconnect, reconnect
// when the consent was withdrawn, and see which technicians each one reaches.
import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { OrganisationConnection } from '@fs/contracts';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { providerName } from '../integrations/integration-result';
import { organisationConnectionsQuery, organisationTechniciansQuery } from './admin.api';
import { OrganisationSettingsForm } from './OrganisationSettingsForm';
import { useOrganisationConnection } from './use-organisation-connection';

export function OrganisationConnections() {
  const { t } = useTranslation();
  const connections = useQuery(organisationConnectionsQuery());
  const result = new URLSearchParams(window.location.search);
  if (connections.isPending) return <p className="page-status">{t('app.loading')}</p>;
  if (connections.isError) return <ErrorAlert error={connections.error} onRetry={() => void connections.refetch()} />;
  return (
    <>
      {result.get('organisation') && (
        <p role="status" className={result.get('result') === 'connected' ? 'notice' : 'field-error'} data-testid="organisation-result">
          {result.get('result') === 'connected'
            ? t('admin.organisation.connected')
            : t('admin.organisation.failed', { reason: t(`admin.errors.${result.get('reason') ?? 'PERMANENT'}`) })}
        </p>
      )}
      {connections.data.filter((c) => c.available).map((connection) => (
        <OrganisationConnectionCard key={connection.provider} connection={connection} />
      ))}
    </>
  );
}

function OrganisationConnectionCard({ connection }: { connection: OrganisationConnection }) {
  const { t, i18n } = useTranslation();
  const { consent, uploadKey, disconnect } = useOrganisationConnection(connection.provider);
  const [key, setKey] = useState('');
  const name = providerName(i18n, connection.provider);
  const label = t(`admin.organisation.product.${connection.provider}`);
  const connected = connection.status === 'CONNECTED';
  const reconnect = connection.status === 'NEEDS_RECONNECT';
  const keyId = `organisation-key-${connection.provider}`;
  return (
    <article className="integration" data-testid={`organisation-${connection.provider}`} aria-label={label}>
      <div className="integration-header">
        <h3>{label}</h3>
        <span className={`badge badge-${connected ? 'success' : reconnect ? 'danger' : 'neutral'}`} data-testid="organisation-status">
          {t(`admin.status.${connection.status}`)}
        </span>
      </div>
      <p className="integration-hint">
        {connected ? t('admin.organisation.hintConnected', { tenant: connection.tenant ?? '', calendar: connection.calendarName ?? t('admin.organisation.primary') })
          : reconnect ? t('admin.organisation.hintReconnect', { provider: name })
          : t(`admin.organisation.hint.${connection.provider}`)}
      </p>
      {connection.provider === 'microsoft' && !connected && (
        <button type="button" className="button" onClick={() => consent.mutate()} disabled={consent.isPending} data-testid="organisation-connect">
          {t(reconnect ? 'admin.organisation.reconnect' : 'admin.organisation.connect', { product: label })}
        </button>
      )}
      {connection.provider === 'google' && !connected && (
        <form onSubmit={(e) => { e.preventDefault(); uploadKey.mutate(key, { onSuccess: () => setKey('') }); }}>
          <label htmlFor={keyId}>{t('admin.organisation.keyLabel')}</label>
          <textarea id={keyId} value={key} onChange={(e) => setKey(e.target.value)} rows={4} autoComplete="off" spellCheck={false} />
          <button type="submit" className="button" disabled={!key.trim() || uploadKey.isPending} data-testid="organisation-connect">
            {t(reconnect ? 'admin.organisation.reconnect' : 'admin.organisation.connect', { product: label })}
          </button>
        </form>
      )}
      {(consent.error || uploadKey.error || disconnect.error) && <ErrorAlert error={(consent.error ?? uploadKey.error ?? disconnect.error)!} />}
      {connection.status !== 'NOT_CONNECTED' && (
        <>
          <OrganisationTechnicians connection={connection} />
          <button type="button" className="button button-secondary" onClick={() => disconnect.mutate()} disabled={disconnect.isPending} data-testid="organisation-disconnect">
            {t('admin.organisation.disconnect', { product: label })}
          </button>
        </>
      )}
    </article>
  );
}

function OrganisationTechnicians({ connection }: { connection: OrganisationConnection }) {
  const { t } = useTranslation();
  const technicians = useQuery(organisationTechniciansQuery(connection.provider));
  if (technicians.isPending) return <p className="page-status">{t('app.loading')}</p>;
  if (technicians.isError) return <ErrorAlert error={technicians.error} onRetry={() => void technicians.refetch()} />;
  const caption = t('admin.organisation.techniciansCaption');
  return (
    <>
    <div className="table-scroll" tabIndex={0} role="region" aria-label={caption}>
      <table className="admin-table" data-testid={`organisation-technicians-${connection.provider}`}>
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('admin.integrations.person')}</th>
            <th scope="col">{t('admin.organisation.email')}</th>
            <th scope="col">{t('admin.integrations.status')}</th>
            <th scope="col">{t('admin.organisation.calendar')}</th>
          </tr>
        </thead>
        <tbody>
          {technicians.data.map((m) => (
            <tr key={m.userId} data-state={m.state}>
              <td>{m.name}</td>
              <td>{m.email}</td>
              <td>{t(`admin.organisation.member.${m.state}`)}</td>
              <td>{m.calendarName ?? '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
    <OrganisationSettingsForm connection={connection} technicians={technicians.data} />
    </>
  );
}
