// What a person can do with one intervention from the list. Reschedule and reassign open
// small inline forms; cancel and delete ask for confirmation first.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { Intervention, Technician } from '@fs/contracts';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { ReassignForm } from './ReassignForm';
import { RescheduleForm } from './RescheduleForm';
import { useCancelIntervention } from './use-cancel-intervention';
import { useChangeInterventionStatus } from './use-change-intervention-status';
import { useDeleteIntervention } from './use-delete-intervention';

interface Props {
  intervention: Intervention;
  technicians: Technician[];
  manageAll: boolean;
  onNotice: (key: string) => void;
}

type Panel = 'reschedule' | 'reassign' | 'cancel' | 'delete' | null;

export function InterventionActions({ intervention, technicians, manageAll, onNotice }: Props) {
  const { t } = useTranslation();
  const [panel, setPanel] = useState<Panel>(null);
  const cancel = useCancelIntervention(intervention.id);
  const remove = useDeleteIntervention(intervention.id);
  const changeStatus = useChangeInterventionStatus(intervention.id);
  const active = intervention.status !== 'CANCELLED';
  const toggle = (next: Panel) => setPanel((current) => (current === next ? null : next));
  const failure = cancel.error ?? remove.error ?? changeStatus.error;

  return (
    <div className="card-actions-area">
      <div className="card-actions" role="group" aria-label={t('interventions.actions', { title: intervention.title })}>
        {active && (
          <>
            <Link className="button button-small" to={`/interventions/${intervention.id}/edit`}>
              {t('actions.edit')}
            </Link>
            <button type="button" className="button button-small" aria-expanded={panel === 'reschedule'} onClick={() => toggle('reschedule')}>
              {t('actions.reschedule')}
            </button>
            {manageAll && (
              <button type="button" className="button button-small" aria-expanded={panel === 'reassign'} onClick={() => toggle('reassign')}>
                {t('actions.reassign')}
              </button>
            )}
            {intervention.status === 'PLANNED' && (
              <button type="button" className="button button-small" disabled={changeStatus.isPending} onClick={() => changeStatus.mutate('IN_PROGRESS')}>
                {t('actions.start')}
              </button>
            )}
            {intervention.status === 'IN_PROGRESS' && (
              <button type="button" className="button button-small" disabled={changeStatus.isPending} onClick={() => changeStatus.mutate('DONE')}>
                {t('actions.done')}
              </button>
            )}
            <button type="button" className="button button-small button-danger-outline" onClick={() => setPanel('cancel')}>
              {t('actions.cancel')}
            </button>
          </>
        )}
        {manageAll && (
          <button type="button" className="button button-small button-danger-outline" onClick={() => setPanel('delete')}>
            {t('actions.delete')}
          </button>
        )}
      </div>
      {failure && <ErrorAlert error={failure} />}
      {panel === 'reschedule' && <RescheduleForm intervention={intervention} onDone={() => { setPanel(null); onNotice('notices.updated'); }} />}
      {panel === 'reassign' && (
        <ReassignForm intervention={intervention} technicians={technicians} onDone={() => { setPanel(null); onNotice('notices.updated'); }} />
      )}
      <ConfirmDialog
        open={panel === 'cancel'}
        title={t('confirmCancel.title')}
        body={t('confirmCancel.body', { title: intervention.title })}
        confirmLabel={t('confirmCancel.confirm')}
        dismissLabel={t('confirmCancel.dismiss')}
        danger
        busy={cancel.isPending}
        onDismiss={() => setPanel(null)}
        onConfirm={() => cancel.mutate(undefined, { onSettled: () => setPanel(null), onSuccess: () => onNotice('notices.cancelled') })}
      />
      <ConfirmDialog
        open={panel === 'delete'}
        title={t('confirmDelete.title')}
        body={t('confirmDelete.body', { title: intervention.title })}
        confirmLabel={t('confirmDelete.confirm')}
        dismissLabel={t('confirmDelete.dismiss')}
        danger
        busy={remove.isPending}
        onDismiss={() => setPanel(null)}
        onConfirm={() => remove.mutate(undefined, { onSettled: () => setPanel(null), onSuccess: () => onNotice('notices.deleted') })}
      />
    </div>
  );
}
