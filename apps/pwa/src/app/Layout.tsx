// The frame around every signed-in page: skip link, header with navigation, language and logout.
import { useTranslation } from 'react-i18next';
import { NavLink, Outlet } from 'react-router-dom';
import { LanguageSwitcher } from '../i18n/LanguageSwitcher';
import { canManageAll, useCurrentUser } from '../features/auth/current-user';
import { CalendarChangesNavLink, OwnCalendarChangesNavLink } from '../features/calendar-changes/CalendarChangesNavLink';
import { useLogout } from '../features/auth/use-logout';
import { useOnline } from './use-online';

export function Layout() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const logout = useLogout();
  const online = useOnline();
  return (
    <>
      <a className="skip-link" href="#main">
        {t('app.skipToContent')}
      </a>
      <header className="topbar">
        <div className="topbar-inner">
          <NavLink to="/interventions" className="brand">
            <img src="/favicon.svg" alt="" width="28" height="28" />
            <span>{t('app.name')}</span>
          </NavLink>
          <nav aria-label={t('nav.label')} className="nav">
            <NavLink to="/interventions">{t('nav.interventions')}</NavLink>
            {canManageAll(user.role) ? <CalendarChangesNavLink /> : <OwnCalendarChangesNavLink />}
            <NavLink to="/settings">{t('nav.settings')}</NavLink>
            {user.role === 'ADMIN' && <NavLink to="/admin">{t('nav.admin')}</NavLink>}
          </nav>
          <div className="topbar-tools">
            <span className="user-name" title={t('nav.signedInAs', { name: user.name })} data-testid="current-user">
              {user.name}
            </span>
            <LanguageSwitcher showLabel={false} />
            <button type="button" className="button button-small" onClick={logout}>
              {t('nav.logout')}
            </button>
          </div>
        </div>
      </header>
      {!online && (
        <p className="offline-banner" role="status" data-testid="offline-banner">
          {t('app.offline')}
        </p>
      )}
      <main id="main" className="content" tabIndex={-1}>
        <Outlet />
      </main>
    </>
  );
}
