// On an intervention card: what became of the change its technician made in their calendar
// (the intervention's latest calendar change). The technician reads their own outcome; dispatch
// sees only that one waits, with the way to the inbox.
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { Intervention } from '@fs/contracts';
import { changeStateView } from './change-state';

export function CalendarChangeState({ intervention, manageAll }: { intervention: Intervention; manageAll: boolean }) {
  const { t } = useTranslation();
  const change = intervention.calendarChange;
  if (!change) return null;
  if (manageAll) {
    if (change.status !== 'open') return null;
    return (
      <p className="change-state" data-testid="calendar-change-state" data-status={change.status}>
        <Link to="/calendar-changes">{t('calendarChanges.waiting')}</Link>
      </p>
    );
  }
  const view = changeStateView(change);
  return (
    <p className={`change-state change-state-${view.tone}`} data-testid="calendar-change-state" data-status={change.status} data-kind={change.kind}>
      <span aria-hidden="true">{view.icon} </span>
      {t(view.text)}
    </p>
  );
}
