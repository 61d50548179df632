// One intervention: its slot on its own time zone's clock (labelled), client, address,
// technician and status. Cancelled ones stay visible, struck through and greyed.
import { useTranslation } from 'react-i18next';
import type { Intervention, Technician } from '@fs/contracts';
import { localeOf } from '../../i18n/language';
import { CalendarChangeState } from '../calendar-changes/CalendarChangeState';
import { formatTimeRange } from './date-time';
import { InterventionActions } from './InterventionActions';
import { ZoneNote } from './ZoneNote';
import { SyncBadges } from './SyncBadges';

interface Props {
  intervention: Intervention;
  technicians: Technician[];
  manageAll: boolean;
  onNotice: (key: string) => void;
}

export function InterventionCard({ intervention, technicians, manageAll, onNotice }: Props) {
  const { t, i18n } = useTranslation();
  const locale = localeOf(i18n.resolvedLanguage ?? i18n.language);
  const { start, end } = formatTimeRange(intervention.startsAt, intervention.endsAt, intervention.timeZone, locale);
  const cancelled = intervention.status === 'CANCELLED';
  const titleId = `intervention-${intervention.id}-title`;

  return (
    <article
      className={`card status-${intervention.status.toLowerCase()}${cancelled ? ' card-cancelled' : ''}`}
      aria-labelledby={titleId}
      data-testid="intervention-card"
      data-intervention-id={intervention.id}
      data-status={intervention.status}
    >
      <header className="card-header">
        <p className="card-time">
          <time dateTime={intervention.startsAt}>{t('interventions.timeRange', { start, end })}</time>
          <ZoneNote className="card-zone" timeZone={intervention.timeZone} />
        </p>
        <span className={`badge badge-${intervention.status.toLowerCase()}`}>{t(`status.${intervention.status}`)}</span>
      </header>
      <h3 id={titleId} className="card-title">
        {intervention.title}
      </h3>
      <p className="card-client">{intervention.clientName}</p>
      {intervention.clientPhone && (
        <p className="card-phone">
          <a href={`tel:${intervention.clientPhone.replace(/[^0-9+]/g, '')}`}>{t('interventions.call', { phone: intervention.clientPhone })}</a>
        </p>
      )}
      <p className="card-address">{intervention.address}</p>
      {intervention.description && <p className="card-description">{intervention.description}</p>}
      {manageAll && intervention.technicianName && <p className="card-technician">{t('interventions.technician', { name: intervention.technicianName })}</p>}
      <SyncBadges intervention={intervention} onNotice={onNotice} />
      <CalendarChangeState intervention={intervention} manageAll={manageAll} />
      <InterventionActions intervention={intervention} technicians={technicians} manageAll={manageAll} onNotice={onNotice} />
    </article>
  );
}
