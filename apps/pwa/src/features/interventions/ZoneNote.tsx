// The clock an intervention's times are on: "in your time zone (Paris)" or "New York time".
import { useTranslation } from 'react-i18next';
import { useCurrentUser } from '../auth/current-user';
import { timeZoneNote } from './time-zones';

export function ZoneNote({ timeZone, className }: { timeZone: string; className: string }) {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const note = timeZoneNote(timeZone, user.timeZone);
  return (
    <span className={className} title={timeZone}>
      {t(note.key, { city: note.city })}
    </span>
  );
}
