// /admin: what an administrator watches and decides about calendar sync: the company's
// org-wide connections, who must reconnect, what leaves the company in calendar events, and
// what happens to changes technicians make in their calendar (two-way sync). Admins only.
import { useTranslation } from 'react-i18next';
import { useDocumentTitle } from '../../ui/use-document-title';
import { useCurrentUser } from '../auth/current-user';
import { ChangePolicyForm } from '../calendar-changes/ChangePolicyForm';
import { EventPrivacyForm } from '../event-privacy/EventPrivacyForm';
import { AdminIntegrationsTable } from './AdminIntegrationsTable';
import { OrganisationConnections } from './OrganisationConnections';

export function AdminPage() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  useDocumentTitle(t('admin.title'));
  if (user.role !== 'ADMIN') {
    return (
      <section>
        <h1>{t('admin.title')}</h1>
        <p role="alert">{t('errors.FORBIDDEN')}</p>
      </section>
    );
  }
  return (
    <div className="settings">
      <h1>{t('admin.title')}</h1>
      <section className="panel" aria-labelledby="organisation-title">
        <h2 id="organisation-title">{t('admin.organisation.title')}</h2>
        <p className="muted panel-intro">{t('admin.organisation.intro')}</p>
        <OrganisationConnections />
      </section>
      <section className="panel" aria-labelledby="admin-integrations-title">
        <h2 id="admin-integrations-title">{t('admin.integrations.title')}</h2>
        <p className="muted panel-intro">{t('admin.integrations.intro')}</p>
        <AdminIntegrationsTable />
      </section>
      <section className="panel" aria-labelledby="event-privacy-title">
        <h2 id="event-privacy-title">{t('eventPrivacy.title')}</h2>
        <p className="muted panel-intro">{t('eventPrivacy.intro')}</p>
        <EventPrivacyForm />
      </section>
      <section className="panel" aria-labelledby="change-policy-title">
        <h2 id="change-policy-title">{t('calendarChanges.policy.title')}</h2>
        <p className="muted panel-intro">{t('calendarChanges.policy.intro')}</p>
        <ChangePolicyForm />
      </section>
    </div>
  );
}
