// /settings: the calendar integrations section (with the result of a connection when the
// OAuth callback redirects here), the private ICS feed, and account details. The language
// is chosen in the header, on every page: one picker, not two.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { useDocumentTitle } from '../../ui/use-document-title';
import { useCurrentUser } from '../auth/current-user';
import { parseIntegrationResult, withoutIntegrationResult } from '../integrations/integration-result';
import { IntegrationResultBanner } from '../integrations/IntegrationResultBanner';
import { IntegrationsSettings } from '../integrations/IntegrationsSettings';
import { IcsFeedCard } from '../ics-feed/IcsFeedCard';

export function SettingsPage() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  useDocumentTitle(t('settings.title'));
  const [params, setParams] = useSearchParams();
  const [result, setResult] = useState(() => parseIntegrationResult(params));
  useEffect(() => {
    // The result came with the redirect: drop it from the URL so a reload does not repeat it
    // (a stale "connected" next to a card that now says "Reconnect" would contradict it).
    if (parseIntegrationResult(params)) setParams(withoutIntegrationResult(params), { replace: true });
  }, [params, setParams]);

  return (
    <div className="settings">
      <h1>{t('settings.title')}</h1>
      {result && <IntegrationResultBanner result={result} onDismiss={() => setResult(null)} />}
      {/* First: it is where the person lands back from the provider, with a step left to do. */}
      <IntegrationsSettings />
      <IcsFeedCard />
      <section className="panel" aria-labelledby="account-title" data-testid="account-panel">
        <h2 id="account-title">{t('settings.account')}</h2>
        <dl className="details">
          <dt>{t('settings.name')}</dt>
          <dd>{user.name}</dd>
          <dt>{t('settings.email')}</dt>
          <dd>{user.email}</dd>
          <dt>{t('settings.role')}</dt>
          <dd>{t(`roles.${user.role}`)}</dd>
          <dt>{t('settings.timeZone')}</dt>
          <dd>{user.timeZone}</dd>
        </dl>
      </section>
    </div>
  );
}
