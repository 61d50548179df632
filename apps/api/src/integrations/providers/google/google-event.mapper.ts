// Pure: CalendarEventInput -> the Google Calendar event body we write, and the event id we
// choose for a syncKey. Choosing the id ourselves is Google's idempotency mechanism
// (provider-apis.md A2.2): a retried insert after a crash answers 409 instead of making a
// second event, and the id is found again without any lookup.
import { createHash } from 'node:crypto';
import { zonedIso } from '@fs/contracts';
import type { calendar_v3 } from '@googleapis/calendar';
import type { CalendarEventInput } from '../calendar-provider';

/** RFC 2938 base32hex alphabet, lowercase: the only characters Google accepts in an id. */
const BASE32HEX = '0123456789abcdefghijklmnopqrstuv';

/**
 * Google event id of a syncKey: base32hex of its SHA-256 (52 chars, within 5-1024).
 * `generation` > 0 gives the next ids to use once Google has purged our deleted event's
 * tombstone: its id then stays taken for ever (insert 409) yet cannot be updated (404).
 */
export function googleEventId(syncKey: string, generation = 0): string {
  const bytes = createHash('sha256')
    .update(generation === 0 ? syncKey : `${syncKey}#${generation}`, 'utf8')
    .digest();
  let bits = 0;
  let value = 0;
  let out = '';
  for (const byte of bytes) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out += BASE32HEX[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
    value &= (1 << bits) - 1;
  }
  if (bits > 0) out += BASE32HEX[(value << (5 - bits)) & 31];
  return out;
}

/**
 * The full event (insert and update are full writes). `status: 'confirmed'` is always sent:
 * on an update of a deleted event (a tombstone keeps its id) it brings the event back.
 */
export function toGoogleEvent(event: CalendarEventInput): calendar_v3.Schema$Event {
  return {
    summary: event.title,
    description: event.description,
    location: event.location,
    start: googleDateTime(event.startsAt, event.timeZone),
    end: googleDateTime(event.endsAt, event.timeZone),
    status: 'confirmed',
    // Shown as "busy" to anyone the person shares the calendar with, never its content.
    visibility: 'private',
    // Private: visible to our app only; lets a person's event be traced back to us.
    extendedProperties: { private: { syncKey: event.syncKey, interventionId: event.interventionId } },
  };
}

/** The zone's wall time with its offset (names the instant exactly, even on a DST night), plus the zone. */
function googleDateTime(instant: Date, timeZone: string): calendar_v3.Schema$EventDateTime {
  return { dateTime: zonedIso(instant, timeZone), timeZone };
}
