// /calendar-changes: dispatch's inbox of what technicians changed in their own calendar
// (two-way sync). Open ones first (the default); the decided ones, with who decided, behind
// the status filter, kept in the URL (?status=accepted) so a reload or a link shows the same.
// A technician sees their own changes there, read-only: where each stands, and what dispatch
// decided (also for a removal dispatch accepted, whose intervention is no longer theirs).
import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { CALENDAR_CHANGE_STATUSES, calendarChangeStatusSchema, type CalendarChangeStatus } from '@fs/contracts';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { useDocumentTitle } from '../../ui/use-document-title';
import { canManageAll, useCurrentUser } from '../auth/current-user';
import { calendarChangesQuery, ownCalendarChangesQuery } from './calendar-changes.api';
import { CalendarChangeRow } from './CalendarChangeRow';
import { DecisionConflictError, useDecideCalendarChange } from './use-decide-calendar-change';

export function CalendarChangesPage() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  useDocumentTitle(t('calendarChanges.title'));
  return canManageAll(user.role) ? <Inbox /> : <OwnChanges />;
}

function OwnChanges() {
  const { t } = useTranslation();
  const changes = useQuery(ownCalendarChangesQuery());
  return (
    <section aria-labelledby="calendar-changes-title">
      <div className="page-header">
        <h1 id="calendar-changes-title">{t('calendarChanges.ownTitle')}</h1>
      </div>
      <p className="muted panel-intro">{t('calendarChanges.ownIntro')}</p>
      {changes.isError && <ErrorAlert error={changes.error} onRetry={() => void changes.refetch()} />}
      {changes.isPending && <p className="page-status">{t('app.loading')}</p>}
      {changes.data && changes.data.length === 0 && <p className="empty">{t('calendarChanges.empty.decided')}</p>}
      {changes.data && changes.data.length > 0 && (
        <ul className="cards" data-testid="calendar-changes">
          {changes.data.map((change) => (
            <CalendarChangeRow key={change.id} change={change} />
          ))}
        </ul>
      )}
    </section>
  );
}

function Inbox() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const parsed = calendarChangeStatusSchema.safeParse(params.get('status'));
  const status: CalendarChangeStatus = parsed.success ? parsed.data : 'open';
  const changes = useQuery(calendarChangesQuery(status));
  const decide = useDecideCalendarChange();
  const [notice, setNotice] = useState('');

  const onDecide = (id: string, title: string, decision: 'accept' | 'reject') => {
    setNotice('');
    decide.mutate({ id, decision }, { onSuccess: () => setNotice(t(decision === 'accept' ? 'calendarChanges.accepted' : 'calendarChanges.rejected', { title })) });
  };

  return (
    <section aria-labelledby="calendar-changes-title">
      <div className="page-header">
        <h1 id="calendar-changes-title">{t('calendarChanges.title')}</h1>
      </div>
      <p className="muted panel-intro">{t('calendarChanges.intro')}</p>
      <div className="filters">
        <div className="field">
          <label htmlFor="calendar-changes-status">{t('calendarChanges.filter')}</label>
          <select id="calendar-changes-status" value={status} onChange={(e) => setParams(e.target.value === 'open' ? {} : { status: e.target.value })}>
            {CALENDAR_CHANGE_STATUSES.map((value) => (
              <option key={value} value={value}>
                {t(`calendarChanges.statuses.${value}`)}
              </option>
            ))}
          </select>
        </div>
      </div>
      <p role="status" className="integration-notice" data-testid="calendar-changes-notice">
        {notice}
      </p>
      {decide.error instanceof DecisionConflictError ? (
        <p className="alert alert-warning" role="alert" data-testid="calendar-changes-conflict">
          {t(`calendarChanges.conflict.${decide.error.reason}`)}
        </p>
      ) : (
        decide.isError && <ErrorAlert error={decide.error} />
      )}
      {changes.isError && <ErrorAlert error={changes.error} onRetry={() => void changes.refetch()} />}
      {changes.isPending && <p className="page-status">{t('app.loading')}</p>}
      {changes.data && changes.data.length === 0 && <p className="empty">{t(status === 'open' ? 'calendarChanges.empty.open' : 'calendarChanges.empty.decided')}</p>}
      {changes.data && changes.data.length > 0 && (
        <>
          <p className="count muted">{t('calendarChanges.count', { count: changes.data.length })}</p>
          <ul className="cards" data-testid="calendar-changes">
            {changes.data.map((change) => (
              <CalendarChangeRow
                key={change.id}
                change={change}
                deciding={decide.isPending && decide.variables?.id === change.id}
                onDecide={(decision) => onDecide(change.id, change.interventionTitle, decision)}
              />
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
