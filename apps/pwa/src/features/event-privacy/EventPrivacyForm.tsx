// Admin: the four switches of what a calendar event contains, saved together.
import { useEffect, useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { EVENT_PRIVACY_FIELDS, type EventPrivacySettings } from '@fs/contracts';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { eventPrivacyQuery } from './event-privacy.api';
import { SHARED_ITEM_LABELS } from './shared-fields';
import { useSaveEventPrivacy } from './use-save-event-privacy';

export function EventPrivacyForm() {
  const { t } = useTranslation();
  const current = useQuery(eventPrivacyQuery());
  const save = useSaveEventPrivacy();
  const [values, setValues] = useState<EventPrivacySettings | null>(null);
  const [notice, setNotice] = useState('');
  useEffect(() => {
    if (current.data && !values) {
      const { clientName, clientPhone, address, notes } = current.data;
      setValues({ clientName, clientPhone, address, notes });
    }
  }, [current.data, values]);

  if (current.isError) return <ErrorAlert error={current.error} onRetry={() => void current.refetch()} />;
  if (!values) return <p className="page-status">{t('app.loading')}</p>;

  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    setNotice('');
    save.mutate(values, { onSuccess: () => setNotice(t('eventPrivacy.saved')) });
  };

  return (
    <form onSubmit={submit} data-testid="event-privacy-form">
      <fieldset>
        <legend>{t('eventPrivacy.legend')}</legend>
        <p className="muted">{t('eventPrivacy.alwaysShared')}</p>
        {EVENT_PRIVACY_FIELDS.map((field) => (
          <label key={field} className="checkbox">
            <input
              type="checkbox"
              name={field}
              checked={values[field]}
              onChange={(e) => setValues({ ...values, [field]: e.target.checked })}
            />
            {t(SHARED_ITEM_LABELS[field])}
          </label>
        ))}
      </fieldset>
      {save.isError && <ErrorAlert error={save.error} />}
      <button type="submit" className="button button-primary" disabled={save.isPending}>
        {t(save.isPending ? 'form.saving' : 'eventPrivacy.save')}
      </button>
      <p role="status" className="integration-notice" data-testid="event-privacy-notice">
        {notice}
      </p>
    </form>
  );
}
