// The place where calendar integrations (Google, Microsoft) will be managed. For now it
// announces the feature; the integrations work replaces the body of this panel.
import { useTranslation } from 'react-i18next';

export function IntegrationsPanel() {
  const { t } = useTranslation();
  return (
    <section className="panel panel-integrations" aria-labelledby="integrations-title" data-testid="integrations-panel">
      <div className="panel-title-row">
        <h2 id="integrations-title">{t('integrations.title')}</h2>
        <span className="badge badge-soon">{t('integrations.badge')}</span>
      </div>
      <p>{t('integrations.comingSoon')}</p>
    </section>
  );
}
