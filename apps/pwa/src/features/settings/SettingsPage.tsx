// /settings: language, account details, and the calendar integrations section (which also
// shows the result of a connection when the OAuth callback redirects here).
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { LanguageSwitcher } from '../../i18n/LanguageSwitcher';
import { useDocumentTitle } from '../../ui/use-document-title';
import { useCurrentUser } from '../auth/current-user';
import { parseIntegrationResult, withoutIntegrationResult } from '../integrations/integration-result';
import { IntegrationResultBanner } from '../integrations/IntegrationResultBanner';
import { IntegrationsSettings } from '../integrations/IntegrationsSettings';

export function SettingsPage() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  useDocumentTitle(t('settings.title'));
  const [params, setParams] = useSearchParams();
  const result = parseIntegrationResult(params);

  return (
    <div className="settings">
      <h1>{t('settings.title')}</h1>
      {result && <IntegrationResultBanner result={result} onDismiss={() => setParams(withoutIntegrationResult(params), { replace: true })} />}
      <section className="panel" aria-labelledby="language-title">
        <h2 id="language-title">{t('settings.languageSection')}</h2>
        <LanguageSwitcher />
      </section>
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
      <IntegrationsSettings />
    </div>
  );
}
