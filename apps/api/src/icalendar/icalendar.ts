// The one place that writes iCalendar (RFC 5545), for the private ICS feed and the CalDAV
// adapter alike: ical-generator builds the text, timezones-ical-library supplies each
// VTIMEZONE (generated from the current tz database), @date-fns/tz gives ical-generator
// instants it can print on a zone's wall clock. Nothing here knows interventions.
import { TZDate } from '@date-fns/tz';
import ical, { ICalEventStatus, type ICalCalendar } from 'ical-generator';
import { tzlib_get_ical_block } from 'timezones-ical-library';
import { instantsOfWallTime, wallTimeAt } from '@fs/contracts';

export interface IcalEvent {
  /** Stable across every version of the event: calendar apps match updates on it. */
  uid: string;
  /** Grows with each change, so a client knows which copy is newer. */
  sequence: number;
  title: string;
  description: string;
  location: string;
  startsAt: Date;
  endsAt: Date;
  /** IANA zone the times are shown in. */
  timeZone: string;
  /** When the event last changed: DTSTAMP and LAST-MODIFIED (deterministic output, so ETags stay stable). */
  lastModified: Date;
  cancelled?: boolean;
}

const PRODUCT_ID = { company: 'field-service', product: 'interventions', language: 'EN' };

/** The VTIMEZONE block and the TZID it declares (an alias like `UTC` resolves to `Etc/UTC`). */
function vtimezoneOf(zone: string): { block: string; tzid: string } | undefined {
  const answer: unknown = tzlib_get_ical_block(zone);
  if (!Array.isArray(answer) || typeof answer[0] !== 'string' || !answer[0]) return undefined;
  return { block: answer[0], tzid: String(answer[1]).replace(/^TZID=/, '') };
}

export function newCalendar(name?: string): ICalCalendar {
  return ical({
    prodId: PRODUCT_ID,
    ...(name ? { name } : {}),
    // Called once per distinct TZID used by an event; each VTIMEZONE is written once.
    timezone: { name: null, generator: (tzid: string) => vtimezoneOf(tzid)?.block ?? null },
  });
}

export function addEvent(calendar: ICalCalendar, event: IcalEvent): void {
  // A zone the tz library does not know (never expected for a validated IANA name) falls
  // back to UTC times: the instant stays right, only the zone label is lost.
  // On the night clocks go back, a wall time such as 02:30 happens twice and a TZID time
  // cannot say which (RFC 5545 means the first; ical.js and others read the second): such an
  // event is written in UTC, which names its instants exactly, at the cost of its zone label.
  const ambiguous = [event.startsAt, event.endsAt].some((instant) => instantsOfWallTime(wallTimeAt(instant, event.timeZone).wall, event.timeZone).length > 1);
  const tzid = ambiguous ? undefined : vtimezoneOf(event.timeZone)?.tzid;
  const at = (instant: Date) => (tzid ? new TZDate(instant.getTime(), tzid) : instant);
  calendar.createEvent({
    id: event.uid,
    sequence: event.sequence,
    summary: event.title,
    description: event.description || null,
    location: event.location || null,
    start: at(event.startsAt),
    end: at(event.endsAt),
    timezone: tzid ?? null,
    stamp: event.lastModified,
    lastModified: event.lastModified,
    status: event.cancelled ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
  });
}

/** One event in its own VCALENDAR, as a CalDAV resource must be (RFC 4791 §4.1). */
export function singleEventCalendar(event: IcalEvent): string {
  const calendar = newCalendar();
  addEvent(calendar, event);
  return calendar.toString();
}
