// Owns reading what a client PUTs: the iCalendar text parsed by ical.js (never by hand), the
// checks RFC 4791 §4.1 and §5.3.2.1 make of a calendar object resource, and whether it
// overlaps a time range (§9.9), recurrences expanded by ical.js.
import ICAL from 'ical.js';

export interface ParsedObject {
  uid: string;
  summary: string;
  /** ISO instants of the first occurrence, for the viewer. */
  start: string;
  end: string;
  root: ICAL.Component;
}

/** A failed precondition, named as RFC 4791 names it (`valid-calendar-data`...). */
export class CalendarDataError extends Error {
  constructor(readonly condition: 'valid-calendar-data' | 'valid-calendar-object-resource' | 'supported-calendar-component', message: string) {
    super(message);
  }
}

export function parseObject(ics: string): ParsedObject {
  let root: ICAL.Component;
  try {
    root = new ICAL.Component(ICAL.parse(ics));
  } catch (error) {
    throw new CalendarDataError('valid-calendar-data', `not iCalendar: ${(error as Error).message}`);
  }
  if (root.name !== 'vcalendar') throw new CalendarDataError('valid-calendar-data', 'the root component must be VCALENDAR');
  // The zones the object carries, so its TZID times resolve to the right instants.
  for (const zone of root.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(zone);
  const items = root.getAllSubcomponents().filter((c) => c.name !== 'vtimezone');
  // Our calendars support VEVENT only (supported-calendar-component-set).
  if (items.length === 0 || items.some((c) => c.name !== 'vevent')) {
    throw new CalendarDataError('supported-calendar-component', 'only VEVENT is supported here');
  }
  const uids = new Set(items.map((c) => c.getFirstPropertyValue('uid')));
  const [uid] = uids;
  // One UID per resource (§4.1): a resource is one event with its overridden occurrences.
  if (uids.size !== 1 || typeof uid !== 'string' || !uid) {
    throw new CalendarDataError('valid-calendar-object-resource', 'every component must carry the same, non-empty UID');
  }
  const event = new ICAL.Event(items[0]!);
  if (!event.startDate) throw new CalendarDataError('valid-calendar-object-resource', 'VEVENT without DTSTART');
  return {
    uid,
    summary: event.summary ?? '',
    start: event.startDate.toJSDate().toISOString(),
    end: (event.endDate ?? event.startDate).toJSDate().toISOString(),
    root,
  };
}

/** Whether any occurrence of the object overlaps [from, to) (either bound may be open). */
export function overlaps(ics: string, from: Date | undefined, to: Date | undefined): boolean {
  const { root } = parseObject(ics);
  const master = root.getAllSubcomponents('vevent').find((c) => !c.hasProperty('recurrence-id'));
  if (!master) return true;
  const event = new ICAL.Event(master);
  const durationMs = (event.endDate ?? event.startDate).toJSDate().getTime() - event.startDate.toJSDate().getTime();
  const hits = (startMs: number) => (!to || startMs < to.getTime()) && (!from || startMs + Math.max(durationMs, 1) > from.getTime());
  if (!event.isRecurring()) return hits(event.startDate.toJSDate().getTime());
  const iterator = event.iterator();
  // Bounded: a daily rule over ten years is ~3650 steps; an open range stops at the first.
  for (let i = 0, next = iterator.next(); next && i < 5000; i++, next = iterator.next()) {
    const startMs = next.toJSDate().getTime();
    if (hits(startMs)) return true;
    if (to && startMs >= to.getTime()) return false;
  }
  return false;
}

/** `20261201T000000Z` (RFC 5545 UTC date-time, as in a time-range filter) -> Date. */
export function parseUtc(value: string | undefined): Date | undefined {
  if (!value) return undefined;
  const m = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(value);
  if (!m) throw new CalendarDataError('valid-calendar-data', `time-range: ${value} is not a UTC date-time`);
  return new Date(Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!, +m[4]!, +m[5]!, +m[6]!));
}
