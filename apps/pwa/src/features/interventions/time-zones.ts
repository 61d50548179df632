// Pure: IANA time zones as a person reads them. The picker groups the zones the browser
// knows by region (Europe, America...) and names each by its place ("Buenos Aires
// (Argentina)"), with its current UTC offset; a card says "in your time zone (Paris)"
// when the intervention's zone is the person's own.

/** "America/Argentina/Buenos_Aires" -> "Buenos Aires"; "UTC" -> "UTC". */
export function zoneCity(timeZone: string): string {
  return (timeZone.split('/').pop() ?? timeZone).replace(/_/g, ' ');
}

export interface ZoneOption {
  id: string;
  label: string;
}

export interface ZoneGroup {
  /** The zone id's first segment (Africa, America, Europe...); 'Other' for UTC and the like. */
  region: string;
  zones: ZoneOption[];
}

function offsetOf(timeZone: string, now: Date): string {
  const part = new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'shortOffset' })
    .formatToParts(now)
    .find((p) => p.type === 'timeZoneName')?.value;
  // 'GMT' / 'GMT+0' are UTC itself; 'GMT+5:30' -> 'UTC+5:30'.
  return part === 'GMT' || part === 'GMT+0' ? 'UTC' : (part ?? '').replace('GMT', 'UTC');
}

function labelOf(timeZone: string, now: Date): string {
  if (!timeZone.includes('/')) return timeZone; // UTC: its name is its offset
  const segments = timeZone.split('/');
  const middle = segments.length > 2 ? ` (${segments.slice(1, -1).join(', ').replace(/_/g, ' ')})` : '';
  return `${zoneCity(timeZone)}${middle} — ${offsetOf(timeZone, now)}`;
}

/**
 * `zones` grouped by region, regions and places in alphabetical order. `current` is kept
 * even when the browser does not list it (an intervention saved elsewhere).
 */
export function groupTimeZones(zones: readonly string[], current: string, now = new Date()): ZoneGroup[] {
  const all = zones.includes(current) ? zones : [current, ...zones];
  const groups = new Map<string, ZoneOption[]>();
  for (const id of all) {
    const region = id.includes('/') ? id.split('/')[0]! : 'Other';
    groups.set(region, [...(groups.get(region) ?? []), { id, label: labelOf(id, now) }]);
  }
  return [...groups.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([region, list]) => ({ region, zones: list.sort((a, b) => a.label.localeCompare(b.label)) }));
}

/** Which sentence a card uses for the intervention's zone, and the place it names. */
export function timeZoneNote(timeZone: string, personTimeZone: string): { key: 'interventions.timeZoneMine' | 'interventions.timeZoneOther'; city: string } {
  return { key: timeZone === personTimeZone ? 'interventions.timeZoneMine' : 'interventions.timeZoneOther', city: zoneCity(timeZone) };
}
