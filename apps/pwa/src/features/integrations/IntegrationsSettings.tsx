// The calendar integrations section of /settings: one card per provider, in the contract's order.
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { CALENDAR_PROVIDERS } from '@fs/contracts';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { SharedInEvents } from '../event-privacy/SharedInEvents';
import { IntegrationCard } from './IntegrationCard';
import { integrationsQuery } from './integrations.api';

export function IntegrationsSettings() {
  const { t } = useTranslation();
  const integrations = useQuery(integrationsQuery());
  const sorted = [...(integrations.data ?? [])].sort(
    (a, b) => CALENDAR_PROVIDERS.indexOf(a.provider) - CALENDAR_PROVIDERS.indexOf(b.provider),
  );

  return (
    <section className="panel" aria-labelledby="integrations-title" data-testid="integrations-panel" aria-busy={integrations.isPending}>
      <h2 id="integrations-title">{t('integrations.title')}</h2>
      <p className="muted panel-intro">{t('integrations.intro')}</p>
      {integrations.isPending && <p className="page-status">{t('app.loading')}</p>}
      {integrations.isError && <ErrorAlert error={integrations.error} onRetry={() => void integrations.refetch()} />}
      {sorted.length > 0 && (
        <ul className="integrations">
          {sorted.map((integration) => (
            <li key={integration.provider}>
              <IntegrationCard integration={integration} />
            </li>
          ))}
        </ul>
      )}
      <SharedInEvents />
    </section>
  );
}
