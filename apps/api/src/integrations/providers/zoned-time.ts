// Pure: an instant seen on the wall clock of an IANA zone, as both providers want event
// times written in the intervention's zone (so a 09:00 Paris job shows 09:00 Paris, and
// the provider keeps the zone for daylight-saving moves). Uses only Intl.

export interface WallTime {
  /** Local date and time without offset, e.g. 2026-12-01T09:00:00. */
  wall: string;
  /** UTC offset of that zone at that instant, e.g. +01:00. */
  offset: string;
}

export function wallTimeIn(instant: Date, timeZone: string): WallTime {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).formatToParts(instant);
  const get = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? '00';
  const wall = `${get('year')}-${get('month')}-${get('day')}T${get('hour')}:${get('minute')}:${get('second')}`;
  // The offset is what separates the wall clock, read as if it were UTC, from the instant.
  const seconds = Math.floor(instant.getTime() / 1000) * 1000;
  const minutes = Math.round((Date.parse(`${wall}Z`) - seconds) / 60_000);
  const sign = minutes < 0 ? '-' : '+';
  const abs = Math.abs(minutes);
  const offset = `${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
  return { wall, offset };
}
