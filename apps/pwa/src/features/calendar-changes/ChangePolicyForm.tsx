// Admin: the organisation's policy for changes made in technicians' calendars (propose,
// apply, revert), one sentence for each, saved through PUT /admin/calendar-change-policy.
import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { CALENDAR_CHANGE_POLICIES, type CalendarChangePolicy } from '@fs/contracts';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { calendarChangePolicyQuery } from './calendar-changes.api';
import { useSaveChangePolicy } from './use-save-change-policy';

export function ChangePolicyForm() {
  const { t } = useTranslation();
  const current = useQuery(calendarChangePolicyQuery());
  const save = useSaveChangePolicy();
  // The person's choice until saved; the server's value otherwise.
  const [picked, setPicked] = useState<CalendarChangePolicy | null>(null);
  const [notice, setNotice] = useState('');

  if (current.isError) return <ErrorAlert error={current.error} onRetry={() => void current.refetch()} />;
  if (!current.data) return <p className="page-status">{t('app.loading')}</p>;
  const policy = picked ?? current.data.policy;

  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    setNotice('');
    save.mutate({ policy }, { onSuccess: () => setNotice(t('calendarChanges.policy.saved')) });
  };

  return (
    <form onSubmit={submit} data-testid="change-policy-form">
      <fieldset>
        <legend>{t('calendarChanges.policy.legend')}</legend>
        {CALENDAR_CHANGE_POLICIES.map((value) => (
          <div key={value} className="checkbox-field">
            <input
              id={`policy-${value}`}
              type="radio"
              name="calendar-change-policy"
              value={value}
              checked={policy === value}
              aria-describedby={`policy-${value}-hint`}
              onChange={() => setPicked(value)}
            />
            <label htmlFor={`policy-${value}`}>{t(`calendarChanges.policy.options.${value}.label`)}</label>
            <p id={`policy-${value}-hint`} className="field-hint">
              {t(`calendarChanges.policy.options.${value}.hint`)}
            </p>
          </div>
        ))}
      </fieldset>
      {save.isError && <ErrorAlert error={save.error} />}
      <button type="submit" className="button button-primary" disabled={save.isPending}>
        {t(save.isPending ? 'form.saving' : 'calendarChanges.policy.save')}
      </button>
      <p role="status" className="integration-notice" data-testid="change-policy-notice">
        {notice}
      </p>
    </form>
  );
}
