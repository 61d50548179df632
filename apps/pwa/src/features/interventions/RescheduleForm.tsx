// Inline form to move an intervention: new start and end on its own time zone's clock.
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Intervention } from '@fs/contracts';
import { translateApiError } from '../../i18n/error-text';
import { FormField } from '../../ui/FormField';
import { BusyPanel } from '../availability/BusyPanel';
import { isoToZonedLocal } from './date-time';
import { ZoneNote } from './ZoneNote';
import { useRescheduleIntervention } from './use-reschedule-intervention';

export function RescheduleForm({ intervention, onDone }: { intervention: Intervention; onDone: () => void }) {
  const { t, i18n } = useTranslation();
  const reschedule = useRescheduleIntervention(intervention);
  const [startsAt, setStartsAt] = useState(isoToZonedLocal(intervention.startsAt, intervention.timeZone));
  const [endsAt, setEndsAt] = useState(isoToZonedLocal(intervention.endsAt, intervention.timeZone));
  const error = reschedule.error ? translateApiError(reschedule.error, i18n) : null;

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    reschedule.mutate({ startsAt, endsAt }, { onSuccess: onDone });
  };

  return (
    <form className="inline-form" onSubmit={onSubmit} noValidate aria-label={t('reschedule.title', { title: intervention.title })}>
      {error && <p className="alert alert-error" role="alert">{error.message}</p>}
      <div className="field-row">
        <FormField label={t('fields.startsAt')} name="startsAt" error={error?.fieldErrors.startsAt}>
          {(props) => <input {...props} type="datetime-local" value={startsAt} onChange={(e) => setStartsAt(e.target.value)} />}
        </FormField>
        <FormField label={t('fields.endsAt')} name="endsAt" error={error?.fieldErrors.endsAt}>
          {(props) => <input {...props} type="datetime-local" value={endsAt} onChange={(e) => setEndsAt(e.target.value)} />}
        </FormField>
      </div>
      <p className="field-hint">
        <ZoneNote className="zone-note" timeZone={intervention.timeZone} />
      </p>
      {intervention.technicianId && <BusyPanel technicianId={intervention.technicianId} technicianName={intervention.technicianName ?? ''} startsAt={startsAt} endsAt={endsAt} timeZone={intervention.timeZone} />}
      <button type="submit" className="button button-primary button-small" disabled={reschedule.isPending}>
        {t('reschedule.submit')}
      </button>
    </form>
  );
}
