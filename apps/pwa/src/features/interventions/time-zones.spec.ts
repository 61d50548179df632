import { describe, expect, it } from 'vitest';
import { createI18n } from '../../i18n/i18n';
import { groupTimeZones, timeZoneNote, zoneCity } from './time-zones';

const WINTER = new Date('2027-01-15T12:00:00Z');

describe('groupTimeZones', () => {
  it('groups the browser zones by region, each named by its place with its current offset', () => {
    const groups = groupTimeZones(['Europe/Paris', 'America/Argentina/Buenos_Aires', 'Europe/Berlin', 'UTC', 'America/New_York'], 'Europe/Paris', WINTER);
    expect(groups.map((g) => g.region)).toEqual(['America', 'Europe', 'Other']);
    expect(groups[0]!.zones).toEqual([
      { id: 'America/Argentina/Buenos_Aires', label: 'Buenos Aires (Argentina) — UTC-3' },
      { id: 'America/New_York', label: 'New York — UTC-5' },
    ]);
    expect(groups[1]!.zones.map((z) => z.label)).toEqual(['Berlin — UTC+1', 'Paris — UTC+1']);
    expect(groups[2]!.zones).toEqual([{ id: 'UTC', label: 'UTC' }]);
  });

  it('keeps the current zone even when the browser does not list it', () => {
    const groups = groupTimeZones(['Europe/Paris'], 'Asia/Calcutta', WINTER);
    expect(groups.flatMap((g) => g.zones.map((z) => z.id))).toContain('Asia/Calcutta');
  });

  it('offers every zone the browser knows, once', () => {
    const zones = Intl.supportedValuesOf('timeZone');
    const ids = groupTimeZones(zones, 'Europe/Paris').flatMap((g) => g.zones.map((z) => z.id));
    expect(new Set(ids).size).toBe(zones.length);
  });
});

describe('timeZoneNote', () => {
  it('says "in your time zone (Paris)" when the intervention is in the person’s zone, else names the place', async () => {
    const en = await createI18n('en');
    const mine = timeZoneNote('Europe/Paris', 'Europe/Paris');
    expect(en.t(mine.key, { city: mine.city })).toBe('in your time zone (Paris)');
    const other = timeZoneNote('America/New_York', 'Europe/Paris');
    expect(en.t(other.key, { city: other.city })).toBe('New York time');
    const fr = await createI18n('fr');
    expect(fr.t(mine.key, { city: mine.city })).toBe('dans votre fuseau horaire (Paris)');
    expect(zoneCity('America/Argentina/Buenos_Aires')).toBe('Buenos Aires');
  });
});
