// Inline form for dispatchers and admins to give an intervention to another technician.
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Intervention, Technician } from '@fs/contracts';
import { translateApiError } from '../../i18n/error-text';
import { FormField } from '../../ui/FormField';
import { BusyPanel } from '../availability/BusyPanel';
import { isoToZonedLocal } from './date-time';
import { useReassignIntervention } from './use-reassign-intervention';
import { TechnicianOptions, useFreeFirst } from './TechnicianOptions';

interface Props {
  intervention: Intervention;
  technicians: Technician[];
  onDone: () => void;
}

export function ReassignForm({ intervention, technicians, onDone }: Props) {
  const { t, i18n } = useTranslation();
  const reassign = useReassignIntervention(intervention.id);
  // Unassigned (technicianId null, e.g. dispatch accepted a removal from the calendar): the first technician.
  const [technicianId, setTechnicianId] = useState(intervention.technicianId ?? technicians[0]?.id ?? '');
  const startsAt = isoToZonedLocal(intervention.startsAt, intervention.timeZone);
  const endsAt = isoToZonedLocal(intervention.endsAt, intervention.timeZone);
  const groups = useFreeFirst(technicians, { startsAt, endsAt, timeZone: intervention.timeZone });
  const error = reassign.error ? translateApiError(reassign.error, i18n) : null;

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    reassign.mutate(technicianId, { onSuccess: onDone });
  };

  return (
    <form className="inline-form" onSubmit={onSubmit} noValidate>
      {error && <p className="alert alert-error" role="alert">{error.message}</p>}
      <FormField label={t('reassign.label', { title: intervention.title })} name="technicianId" error={error?.fieldErrors.technicianId}>
        {(props) => (
          <select {...props} value={technicianId} onChange={(e) => setTechnicianId(e.target.value)}>
            <TechnicianOptions technicians={technicians} groups={groups} />
          </select>
        )}
      </FormField>
      <BusyPanel
        technicianId={technicianId}
        technicianName={technicians.find((tech) => tech.id === technicianId)?.name ?? intervention.technicianName ?? ''}
        startsAt={startsAt}
        endsAt={endsAt}
        timeZone={intervention.timeZone}
      />
      <button type="submit" className="button button-primary button-small" disabled={reassign.isPending || technicianId === intervention.technicianId}>
        {t('reassign.submit')}
      </button>
    </form>
  );
}
