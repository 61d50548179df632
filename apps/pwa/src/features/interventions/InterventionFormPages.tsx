// The two pages around InterventionForm: create (/interventions/new) and edit (/interventions/:id/edit).
import type { ReactNode } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router-dom';
import type { Intervention } from '@fs/contracts';
import { translateApiError } from '../../i18n/error-text';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { useDocumentTitle } from '../../ui/use-document-title';
import { canManageAll, useCurrentUser } from '../auth/current-user';
import { formValuesFrom, newFormValues } from './intervention-form';
import { InterventionForm } from './InterventionForm';
import { interventionQuery, techniciansQuery } from './interventions.api';
import { useCreateIntervention } from './use-create-intervention';
import { useEditIntervention } from './use-edit-intervention';

function FormPage({ title, children }: { title: string; children: ReactNode }) {
  const { t } = useTranslation();
  useDocumentTitle(title);
  return (
    <section className="form-page" aria-labelledby="form-title">
      <Link to="/interventions" className="back-link">
        <span aria-hidden="true">← </span>
        {t('form.back')}
      </Link>
      <h1 id="form-title">{title}</h1>
      {children}
    </section>
  );
}

export function NewInterventionPage() {
  const { t, i18n } = useTranslation();
  const user = useCurrentUser();
  const navigate = useNavigate();
  const technicians = useQuery(techniciansQuery());
  const create = useCreateIntervention();

  const list = technicians.data ?? [];
  // Technicians create for themselves; a dispatcher starts with the first technician.
  const defaultTechnician = canManageAll(user.role) ? list[0]?.id : user.id;
  return (
    <FormPage title={t('form.createTitle')}>
      {technicians.isError && <ErrorAlert error={technicians.error} onRetry={() => void technicians.refetch()} />}
      {technicians.data && (
        <InterventionForm
          initial={newFormValues(user.timeZone, defaultTechnician ?? '', new Date())}
          technicians={list}
          error={create.error ? translateApiError(create.error, i18n) : null}
          busy={create.isPending}
          submitLabel={t('form.submitCreate')}
          onSubmit={(values) => create.mutate(values, { onSuccess: () => navigate('/interventions', { state: { notice: 'notices.created' } }) })}
        />
      )}
    </FormPage>
  );
}

function EditForm({ intervention }: { intervention: Intervention }) {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const technicians = useQuery(techniciansQuery());
  const edit = useEditIntervention(intervention);
  if (!technicians.data) return technicians.isError ? <ErrorAlert error={technicians.error} /> : null;
  // The API only lists the caller for a technician; keep the current assignee selectable anyway.
  // Unassigned (technicianId null): the dispatcher picks one from the list.
  const list = !intervention.technicianId || technicians.data.some((tech) => tech.id === intervention.technicianId)
    ? technicians.data
    : [...technicians.data, { id: intervention.technicianId, name: intervention.technicianName ?? '', email: '', timeZone: intervention.timeZone }];
  return (
    <InterventionForm
      initial={formValuesFrom(intervention)}
      technicians={list}
      error={edit.error ? translateApiError(edit.error, i18n) : null}
      busy={edit.isPending}
      submitLabel={t('form.submitEdit')}
      onSubmit={(values) => edit.mutate(values, { onSuccess: () => navigate('/interventions', { state: { notice: 'notices.updated' } }) })}
    />
  );
}

export function EditInterventionPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const intervention = useQuery(interventionQuery(id));
  return (
    <FormPage title={t('form.editTitle')}>
      {intervention.isError && <ErrorAlert error={intervention.error} />}
      {intervention.isPending && <p className="page-status">{t('app.loading')}</p>}
      {intervention.data && <EditForm intervention={intervention.data} />}
    </FormPage>
  );
}
