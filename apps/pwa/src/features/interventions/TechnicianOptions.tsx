// The <option>s of every technician picker (form, reassign, filter): one place for how a
// technician is named in a list. Given a slot (dispatch planning), those free for it come
// first and those busy in their own calendar after, each group labelled. The form holding the
// <select> calls useFreeFirst itself: React re-selects a controlled <select>'s value only
// when the select re-renders, so the groups' arrival must re-render it.
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { Technician } from '@fs/contracts';
import { everyoneBusyQuery } from '../availability/availability.api';
import { freeFirst } from '../availability/busy-day';
import { zonedLocalToIso } from './date-time';

interface Slot {
  /** Wall times (`YYYY-MM-DDTHH:mm`) in `timeZone`, as the forms hold them. */
  startsAt: string;
  endsAt: string;
  timeZone: string;
}

function Options({ technicians }: { technicians: Technician[] }) {
  return (
    <>
      {technicians.map((technician) => (
        <option key={technician.id} value={technician.id}>
          {technician.name}
        </option>
      ))}
    </>
  );
}

/** The slot's free and busy technicians once known; null while unknown or without a valid slot. */
export function useFreeFirst(technicians: Technician[], slot: Slot): { free: Technician[]; busy: Technician[] } | null {
  const from = zonedLocalToIso(slot.startsAt, slot.timeZone);
  const to = zonedLocalToIso(slot.endsAt, slot.timeZone);
  const valid = !!from && !!to && Date.parse(to) > Date.parse(from);
  // Only dispatch picks among several technicians, and only dispatch may read everyone's.
  const busy = useQuery({ ...everyoneBusyQuery(from ?? '', to ?? ''), enabled: valid && technicians.length > 1 });
  return valid && busy.data ? freeFirst(technicians, busy.data) : null;
}

export function TechnicianOptions({ technicians, groups }: { technicians: Technician[]; groups?: { free: Technician[]; busy: Technician[] } | null }) {
  const { t } = useTranslation();
  if (!groups || groups.busy.length === 0) return <Options technicians={technicians} />;
  return (
    <>
      <optgroup label={t('availability.freeGroup')}>
        <Options technicians={groups.free} />
      </optgroup>
      <optgroup label={t('availability.busyGroup')}>
        <Options technicians={groups.busy} />
      </optgroup>
    </>
  );
}
