// One calendar change in dispatch's inbox: what the technician did, in words, when it was
// seen, how it ended, and — while open — Accept / Reject and a link to the intervention.
// Without onDecide (the technician's own list) it only says where the change stands.
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { CalendarChange } from '@fs/contracts';
import { localeOf } from '../../i18n/language';
import { ZoneNote } from '../interventions/ZoneNote';
import { changeSentence, outcomeSentence, seenSentence } from './change-sentence';
import type { Decision } from './use-decide-calendar-change';

interface Props {
  change: CalendarChange;
  /** True while a decision on this row waits for the API. */
  deciding?: boolean;
  /** Absent: read-only (a technician's own change). */
  onDecide?: (decision: Decision) => void;
}

export function CalendarChangeRow({ change, deciding = false, onDecide }: Props) {
  const { t, i18n } = useTranslation();
  const locale = localeOf(i18n.resolvedLanguage ?? i18n.language);
  const sentenceId = `calendar-change-${change.id}`;
  const outcome = outcomeSentence(t, change, locale);
  return (
    <li>
      <article className={`card change-card change-${change.status}`} aria-labelledby={sentenceId} data-testid="calendar-change" data-change-id={change.id} data-status={change.status}>
        <p id={sentenceId} className="change-sentence" data-testid="calendar-change-sentence">
          {changeSentence(i18n, change, locale)}
        </p>
        <p className="change-meta">
          {seenSentence(t, change, locale)} · <ZoneNote className="card-zone" timeZone={change.timeZone} />
        </p>
        {outcome && (
          <p className="change-outcome" data-testid="calendar-change-outcome">
            {outcome}
          </p>
        )}
        {change.status === 'open' && !onDecide && (
          <p className="change-outcome" data-testid="calendar-change-outcome">
            {t(`calendarChanges.mine.open.${change.kind}`)}
          </p>
        )}
        {change.status === 'open' && onDecide && (
          <div className="card-actions">
            {/* Not disabled while deciding (focus would jump to the page's top): busy, and a second click waits. */}
            <button type="button" className="button button-primary button-small" aria-describedby={sentenceId} aria-busy={deciding} onClick={() => !deciding && onDecide('accept')}>
              {t('calendarChanges.accept')}
            </button>
            <button type="button" className="button button-danger-outline button-small" aria-describedby={sentenceId} aria-busy={deciding} onClick={() => !deciding && onDecide('reject')}>
              {t('calendarChanges.reject')}
            </button>
            {/* "Look again" after a 409 is one click away. */}
            <Link to={`/interventions/${encodeURIComponent(change.interventionId)}/edit`} className="button button-small" aria-describedby={sentenceId}>
              {t('calendarChanges.openIntervention')}
            </Link>
          </div>
        )}
      </article>
    </li>
  );
}
