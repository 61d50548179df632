// Gate for every page but login: without a token go to /login (coming back here after),
// otherwise load the current user and provide it to the pages.
import type { ReactNode } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Navigate, useLocation } from 'react-router-dom';
import { useAccessToken } from '../../api/access-token';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { meQuery } from './auth.api';
import { CurrentUserContext } from './current-user';

export function RequireAuth({ children }: { children: ReactNode }) {
  const token = useAccessToken();
  const location = useLocation();
  const me = useQuery(meQuery(token));
  const { t } = useTranslation();

  if (!token) return <Navigate to="/login" replace state={{ from: location }} />;
  if (me.isError) return <ErrorAlert error={me.error} onRetry={() => void me.refetch()} />;
  if (!me.data) return <p className="page-status" role="status">{t('app.loading')}</p>;
  return <CurrentUserContext.Provider value={me.data}>{children}</CurrentUserContext.Provider>;
}
