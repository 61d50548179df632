// The nav link to dispatch's inbox, with the number of open changes (polled with the inbox's
// own query, so the badge and the page agree). A technician's link ("My calendar changes")
// shows once they have made a change, with their open ones counted.
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { NavLink } from 'react-router-dom';
import type { CalendarChange } from '@fs/contracts';
import { calendarChangesQuery, ownCalendarChangesQuery } from './calendar-changes.api';
import { badgeText, openCount } from './open-count';

export function CalendarChangesNavLink() {
  const { t } = useTranslation();
  const open = useQuery(calendarChangesQuery('open'));
  return <ChangesLink label={t('nav.calendarChanges')} count={openCount(open.data)} testId="nav-calendar-changes" />;
}

export function OwnCalendarChangesNavLink() {
  const { t } = useTranslation();
  const own = useQuery(ownCalendarChangesQuery());
  if (!own.data || own.data.length === 0) return null;
  const open = own.data.filter((change: CalendarChange) => change.status === 'open');
  return <ChangesLink label={t('nav.ownCalendarChanges')} count={openCount(open)} testId="nav-own-calendar-changes" />;
}

function ChangesLink({ label, count, testId }: { label: string; count: number; testId: string }) {
  const { t } = useTranslation();
  const badge = badgeText(count);
  return (
    <NavLink to="/calendar-changes" data-testid={testId}>
      {label}
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
