// The card of a provider the company's org-wide connection writes for this person: no connect,
// disconnect or calendar choice (those are the admin's), the calendar named, and why sync is
// paused when the company's consent is gone. A personal connection it replaced is said.
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { Integration } from '@fs/contracts';
import { providerName as nameOf } from './integration-result';
import { ProviderIcon } from './ProviderIcon';
import { SyncHealth } from './SyncHealth';

export function ManagedIntegrationCard({ integration }: { integration: Integration }) {
  const { t, i18n } = useTranslation();
  const titleId = useId();
  const provider = nameOf(i18n, integration.provider);
  const paused = integration.status !== 'CONNECTED';
  const tone = paused ? 'warning' : 'success';
  return (
    <article className={`integration integration-${tone}`} aria-labelledby={titleId} data-testid={`integration-${integration.provider}`} data-state={paused ? 'MANAGED_PAUSED' : 'MANAGED'}>
      <div className="integration-header">
        <ProviderIcon provider={integration.provider} />
        <h3 id={titleId}>{provider}</h3>
        <span className={`badge badge-${tone}`} data-testid="integration-status">
          {t(paused ? 'integrations.managed.pausedBadge' : 'integrations.managed.badge')}
        </span>
      </div>
      <p className="integration-hint" data-testid="integration-hint">
        {paused
          ? t('integrations.managed.paused', { provider })
          : t('integrations.managed.hint', { provider, calendar: integration.calendarName ?? '', email: integration.accountEmail ?? '' })}
      </p>
      {integration.supersededAccountEmail && (
        <p className="field-hint" data-testid="integration-superseded">
          {t('integrations.managed.superseded', { email: integration.supersededAccountEmail })}
        </p>
      )}
      {!paused && <SyncHealth integration={integration} providerName={provider} offerRetry={false} onRetried={() => undefined} />}
    </article>
  );
}
