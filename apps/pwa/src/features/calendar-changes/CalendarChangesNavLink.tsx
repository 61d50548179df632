// The nav link to dispatch's inbox, with the number of open changes (polled with the inbox's
// own query, so the badge and the page agree). Dispatchers and admins only.
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { NavLink } from 'react-router-dom';
import { calendarChangesQuery } from './calendar-changes.api';
import { badgeText, openCount } from './open-count';

export function CalendarChangesNavLink() {
  const { t } = useTranslation();
  const open = useQuery(calendarChangesQuery('open'));
  const count = openCount(open.data);
  const badge = badgeText(count);
  return (
    <NavLink to="/calendar-changes" data-testid="nav-calendar-changes">
      {t('nav.calendarChanges')}
      {badge && (
        <>
          <span className="nav-count" aria-hidden="true" data-testid="calendar-changes-count">
            {badge}
          </span>
          <span className="visually-hidden">{` (${t('nav.openChanges', { count })})`}</span>
        </>
      )}
    </NavLink>
  );
}
