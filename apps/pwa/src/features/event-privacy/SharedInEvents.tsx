// On the technician's Settings: what their calendar events show, and what they never show,
// as the admin decided. Read-only here; admins change it on the Admin page.
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { eventPrivacyQuery } from './event-privacy.api';
import { SHARED_ITEM_LABELS, sharedFields } from './shared-fields';

export function SharedInEvents() {
  const { t } = useTranslation();
  const privacy = useQuery(eventPrivacyQuery());
  if (privacy.isPending) return <p className="page-status">{t('app.loading')}</p>;
  if (privacy.isError) return <ErrorAlert error={privacy.error} onRetry={() => void privacy.refetch()} />;
  const { shared, withheld } = sharedFields(privacy.data);
  const list = (items: (keyof typeof SHARED_ITEM_LABELS)[]) => items.map((item) => t(SHARED_ITEM_LABELS[item])).join(', ');
  return (
    <div className="shared-in-events" data-testid="shared-in-events">
      <h3>{t('eventPrivacy.sharedTitle')}</h3>
      <p data-testid="shared-list">{t('eventPrivacy.shared', { items: list(shared) })}</p>
      {withheld.length > 0 && <p data-testid="withheld-list">{t('eventPrivacy.withheld', { items: list(withheld) })}</p>}
      <p className="muted">{t('eventPrivacy.private')}</p>
    </div>
  );
}
