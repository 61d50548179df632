// Status filter for everyone, technician filter for those who see every technician.
import { useTranslation } from 'react-i18next';
import { INTERVENTION_STATUSES, type Technician } from '@fs/contracts';
import type { InterventionFilters } from './interventions.api';
import { TechnicianOptions } from './TechnicianOptions';

interface Props {
  filters: InterventionFilters;
  technicians?: Technician[];
  onChange: (key: keyof InterventionFilters, value: string) => void;
}

export function InterventionFiltersBar({ filters, technicians, onChange }: Props) {
  const { t } = useTranslation();
  return (
    <fieldset className="filters">
      <legend className="visually-hidden">{t('interventions.filters')}</legend>
      {technicians && (
        <div className="field">
          <label htmlFor="filter-technician">{t('fields.technicianId')}</label>
          <select id="filter-technician" value={filters.technicianId ?? ''} onChange={(e) => onChange('technicianId', e.target.value)}>
            <option value="">{t('interventions.allTechnicians')}</option>
            <TechnicianOptions technicians={technicians} />
          </select>
        </div>
      )}
      <div className="field">
        <label htmlFor="filter-status">{t('fields.status')}</label>
        <select id="filter-status" value={filters.status ?? ''} onChange={(e) => onChange('status', e.target.value)}>
          <option value="">{t('interventions.allStatuses')}</option>
          {INTERVENTION_STATUSES.map((status) => (
            <option key={status} value={status}>
              {t(`status.${status}`)}
            </option>
          ))}
        </select>
      </div>
    </fieldset>
  );
}
