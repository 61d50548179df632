// Shown in the create / edit, reschedule and reassign forms: when the chosen technician is
// busy in their own calendar on the chosen day (times only, never what), when that was last
// read, and a warning before saving a slot that overlaps. Saving stays possible.
import { useId } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { formatTimeRange, zonedLocalToIso } from '../interventions/date-time';
import { busyQuery } from './availability.api';
import { dayRange, overlapping } from './busy-day';

interface Props {
  technicianId: string;
  technicianName: string;
  /** Wall times (`YYYY-MM-DDTHH:mm`) in `timeZone`, as the form holds them. */
  startsAt: string;
  endsAt: string;
  timeZone: string;
}

export function BusyPanel({ technicianId, technicianName, startsAt, endsAt, timeZone }: Props) {
  const { t, i18n } = useTranslation();
  const headingId = useId();
  const range = dayRange(startsAt, timeZone);
  const busy = useQuery({ ...busyQuery(technicianId, range?.from ?? '', range?.to ?? ''), enabled: !!range && !!technicianId });
  if (!range || !technicianId) return null;
  const times = (start: string, end: string) => formatTimeRange(start, end, timeZone, i18n.language);
  const clashes = busy.data ? overlapping(busy.data.blocks, zonedLocalToIso(startsAt, timeZone), zonedLocalToIso(endsAt, timeZone)) : [];

  return (
    <section className="busy-panel" aria-labelledby={headingId} data-testid="busy-panel">
      <h2 id={headingId} className="busy-title">{t('availability.title', { name: technicianName })}</h2>
      {busy.isPending && <p className="field-hint">{t('availability.loading')}</p>}
      {busy.isError && <p className="field-hint">{t('availability.failed')}</p>}
      {busy.data && busy.data.refreshedAt === null && <p className="field-hint">{t('availability.unknown', { name: technicianName })}</p>}
      {busy.data && busy.data.refreshedAt !== null && (
        <>
          {busy.data.blocks.length === 0 ? (
            <p className="busy-free"><span aria-hidden="true">✓ </span>{t('availability.free', { name: technicianName })}</p>
          ) : (
            <ul className="busy-list">
              {busy.data.blocks.map((block) => (
                <li key={`${block.start}-${block.end}-${block.provider}`} data-testid="busy-block">
                  {t('availability.block', { ...times(block.start, block.end), provider: t(`integrations.providers.${block.provider}`) })}
                </li>
              ))}
            </ul>
          )}
          <p className="field-hint">{t('availability.refreshedAt', { time: new Intl.DateTimeFormat(i18n.language, { timeStyle: 'short' }).format(Date.parse(busy.data.refreshedAt)) })}</p>
        </>
      )}
      {clashes.length > 0 && (
        <p className="alert alert-warning" role="alert" data-testid="busy-warning">
          <span>
            <span aria-hidden="true">⚠ </span>
            {t('availability.overlap', { name: technicianName, ...times(clashes[0]!.start, clashes[clashes.length - 1]!.end) })}
          </span>
        </p>
      )}
    </section>
  );
}
