// The create/edit form. It checks nothing itself: the API validates, and its field errors,
// translated, are shown next to the matching inputs.
import { useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Technician } from '@fs/contracts';
import type { ErrorText } from '../../i18n/error-text';
import { FormField } from '../../ui/FormField';
import { BusyPanel } from '../availability/BusyPanel';
import type { InterventionFormValues } from './intervention-form';
import { TechnicianOptions, useFreeFirst } from './TechnicianOptions';
import { groupTimeZones } from './time-zones';

interface Props {
  initial: InterventionFormValues;
  /** Offered in the technician select; a single entry means the person plans only for themselves. */
  technicians: Technician[];
  error: ErrorText | null;
  busy: boolean;
  submitLabel: string;
  onSubmit: (values: InterventionFormValues) => void;
}

export function InterventionForm({ initial, technicians, error, busy, submitLabel, onSubmit }: Props) {
  const { t } = useTranslation();
  const [values, setValues] = useState(initial);
  const zoneGroups = useMemo(() => groupTimeZones(Intl.supportedValuesOf('timeZone'), values.timeZone), [values.timeZone]);
  const set = (field: keyof InterventionFormValues) => (event: { target: { value: string } }) =>
    setValues((current) => ({ ...current, [field]: event.target.value }));
  const groups = useFreeFirst(technicians, values);
  const fieldError = (field: keyof InterventionFormValues) => error?.fieldErrors[field];

  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSubmit(values);
  };

  return (
    <form className="form" onSubmit={submit} noValidate data-testid="intervention-form">
      {error && (
        <p className="alert alert-error" role="alert" data-testid="form-error">
          {error.message}
        </p>
      )}
      <FormField label={t('fields.title')} name="title" error={fieldError('title')}>
        {(props) => <input {...props} required maxLength={200} value={values.title} onChange={set('title')} />}
      </FormField>
      <FormField label={t('fields.clientName')} name="clientName" error={fieldError('clientName')}>
        {(props) => <input {...props} required value={values.clientName} onChange={set('clientName')} />}
      </FormField>
      <FormField label={t('fields.clientPhone')} name="clientPhone" error={fieldError('clientPhone')}>
        {(props) => <input {...props} type="tel" autoComplete="off" maxLength={40} value={values.clientPhone} onChange={set('clientPhone')} />}
      </FormField>
      <FormField label={t('fields.address')} name="address" error={fieldError('address')}>
        {(props) => <input {...props} required autoComplete="street-address" value={values.address} onChange={set('address')} />}
      </FormField>
      <div className="field-row">
        <FormField label={t('fields.startsAt')} name="startsAt" error={fieldError('startsAt')}>
          {(props) => <input {...props} type="datetime-local" required value={values.startsAt} onChange={set('startsAt')} />}
        </FormField>
        <FormField label={t('fields.endsAt')} name="endsAt" error={fieldError('endsAt')}>
          {(props) => <input {...props} type="datetime-local" required value={values.endsAt} onChange={set('endsAt')} />}
        </FormField>
      </div>
      <FormField label={t('fields.timeZone')} name="timeZone" error={fieldError('timeZone')} hint={t('form.timeZoneHint')}>
        {(props) => (
          <select {...props} value={values.timeZone} onChange={set('timeZone')}>
            {zoneGroups.map((group) => (
              <optgroup key={group.region} label={group.region}>
                {group.zones.map((zone) => (
                  <option key={zone.id} value={zone.id}>
                    {zone.label}
                  </option>
                ))}
              </optgroup>
            ))}
          </select>
        )}
      </FormField>
      <FormField label={t('fields.technicianId')} name="technicianId" error={fieldError('technicianId')}>
        {(props) => (
          <select {...props} value={values.technicianId} onChange={set('technicianId')} disabled={technicians.length <= 1}>
            <TechnicianOptions technicians={technicians} groups={groups} />
          </select>
        )}
      </FormField>
      <BusyPanel
        technicianId={values.technicianId}
        technicianName={technicians.find((tech) => tech.id === values.technicianId)?.name ?? ''}
        startsAt={values.startsAt}
        endsAt={values.endsAt}
        timeZone={values.timeZone}
      />
      <FormField label={t('fields.description')} name="description" error={fieldError('description')}>
        {(props) => <textarea {...props} rows={4} value={values.description} onChange={set('description')} />}
      </FormField>
      <button type="submit" className="button button-primary button-block" disabled={busy}>
        {busy ? t('form.saving') : submitLabel}
      </button>
    </form>
  );
}
