// Interventions grouped under a heading per day (the day in each intervention's time zone).
import { useTranslation } from 'react-i18next';
import type { Intervention, Technician } from '@fs/contracts';
import { localeOf } from '../../i18n/language';
import { formatDay, groupByDay } from './date-time';
import { InterventionCard } from './InterventionCard';

interface Props {
  interventions: Intervention[];
  technicians: Technician[];
  manageAll: boolean;
  onNotice: (key: string) => void;
}

export function InterventionDayList({ interventions, technicians, manageAll, onNotice }: Props) {
  const { i18n } = useTranslation();
  const locale = localeOf(i18n.resolvedLanguage ?? i18n.language);
  return (
    <div className="days">
      {groupByDay(interventions).map((group) => (
        <section key={group.day} className="day" aria-labelledby={`day-${group.day}`} data-day={group.day}>
          <h2 id={`day-${group.day}`} className="day-heading">
            {formatDay(group.day, locale)}
          </h2>
          <ul className="cards">
            {group.items.map((intervention) => (
              <li key={intervention.id}>
                <InterventionCard intervention={intervention} technicians={technicians} manageAll={manageAll} onNotice={onNotice} />
              </li>
            ))}
          </ul>
        </section>
      ))}
    </div>
  );
}
