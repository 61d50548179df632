// The interventions list: a technician's own, or everyone's for dispatchers and admins
// (filterable by technician), filterable by status, grouped by day. Filters live in the URL.
import { useEffect, useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useNavigate, useSearchParams } from 'react-router-dom';
import { interventionStatusSchema } from '@fs/contracts';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { useDocumentTitle } from '../../ui/use-document-title';
import { canManageAll, useCurrentUser } from '../auth/current-user';
import { InterventionDayList } from './InterventionDayList';
import { InterventionFiltersBar } from './InterventionFiltersBar';
import { interventionsQuery, techniciansQuery, type InterventionFilters } from './interventions.api';

export function InterventionsPage() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const manageAll = canManageAll(user.role);
  useDocumentTitle(manageAll ? t('interventions.titleAll') : t('interventions.titleMine'));
  const [params, setParams] = useSearchParams();
  const location = useLocation();
  const navigate = useNavigate();
  const [notice, setNotice] = useState<string | null>((location.state as { notice?: string } | null)?.notice ?? null);
  // The notice came with the navigation; drop it from history so a reload does not repeat it.
  useEffect(() => {
    if (location.state) navigate({ pathname: location.pathname, search: location.search }, { replace: true, state: null });
  }, [location, navigate]);

  const status = interventionStatusSchema.safeParse(params.get('status'));
  const filters: InterventionFilters = {
    technicianId: manageAll ? params.get('technicianId') || undefined : undefined,
    status: status.success ? status.data : undefined,
  };
  const list = useQuery(interventionsQuery(filters));
  const technicians = useQuery({ ...techniciansQuery(), enabled: manageAll });

  const setFilter = (key: keyof InterventionFilters, value: string) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    setParams(next, { replace: true });
  };

  return (
    <section aria-labelledby="interventions-title">
      <div className="page-header">
        <h1 id="interventions-title">{manageAll ? t('interventions.titleAll') : t('interventions.titleMine')}</h1>
        <Link to="/interventions/new" className="button button-primary" data-testid="new-intervention">
          <span aria-hidden="true">+ </span>
          {t('interventions.new')}
        </Link>
      </div>
      <InterventionFiltersBar filters={filters} technicians={manageAll ? technicians.data : undefined} onChange={setFilter} />
      <p role="status" className={notice ? 'alert alert-success' : 'visually-hidden'}>
        {notice ? t(notice) : ''}
      </p>
      {list.isError && <ErrorAlert error={list.error} onRetry={() => void list.refetch()} />}
      {list.isPending && <p className="page-status">{t('app.loading')}</p>}
      {list.data && (
        <>
          <p className="muted count">{t('interventions.count', { count: list.data.length })}</p>
          {list.data.length === 0 ? (
            <p className="empty">{t('interventions.empty')}</p>
          ) : (
            <InterventionDayList interventions={list.data} technicians={technicians.data ?? []} manageAll={manageAll} onNotice={setNotice} />
          )}
        </>
      )}
    </section>
  );
}
