import { describe, expect, it } from 'vitest';
import { dayKey, formatDay, formatTimeRange, groupByDay, isoToZonedLocal, zonedLocalToIso } from './date-time';

describe('zonedLocalToIso', () => {
  it('writes the Paris winter and summer offsets', () => {
    expect(zonedLocalToIso('2026-12-01T09:00', 'Europe/Paris')).toBe('2026-12-01T09:00:00+01:00');
    expect(zonedLocalToIso('2026-07-01T09:00', 'Europe/Paris')).toBe('2026-07-01T09:00:00+02:00');
  });

  it('handles zones west of UTC and half-hour offsets', () => {
    expect(zonedLocalToIso('2026-01-15T18:30', 'America/New_York')).toBe('2026-01-15T18:30:00-05:00');
    expect(zonedLocalToIso('2026-01-15T10:00', 'Asia/Kolkata')).toBe('2026-01-15T10:00:00+05:30');
  });

  it('moves a time skipped by the spring DST jump to just after it', () => {
    // 29 March 2026, Paris clocks go from 02:00 to 03:00.
    const iso = zonedLocalToIso('2026-03-29T02:30', 'Europe/Paris');
    expect(iso).toBe('2026-03-29T03:30:00+02:00');
  });

  it('takes the first of a time that happens twice on the fall-back night', () => {
    // 25 October 2026, Paris clocks go from 03:00 back to 02:00: 02:30 happens twice.
    expect(zonedLocalToIso('2026-10-25T02:30', 'Europe/Paris')).toBe('2026-10-25T02:30:00+02:00');
    expect(zonedLocalToIso('2026-11-01T01:30', 'America/New_York')).toBe('2026-11-01T01:30:00-04:00');
  });

  it('rejects incomplete input', () => {
    expect(zonedLocalToIso('', 'Europe/Paris')).toBeNull();
    expect(zonedLocalToIso('2026-12-01', 'Europe/Paris')).toBeNull();
    expect(zonedLocalToIso('2026-02-30T09:00', 'Europe/Paris')).toBeNull();
  });

  it('round-trips with isoToZonedLocal', () => {
    const iso = zonedLocalToIso('2026-10-25T23:45', 'Europe/Paris')!;
    expect(isoToZonedLocal(iso, 'Europe/Paris')).toBe('2026-10-25T23:45');
    expect(Date.parse(iso)).toBe(Date.parse('2026-10-25T22:45:00Z'));
  });
});

describe('display in the intervention time zone', () => {
  it('shows the wall-clock time of the intervention zone, not the UTC one', () => {
    expect(formatTimeRange('2026-12-01T08:00:00Z', '2026-12-01T10:30:00Z', 'Europe/Paris', 'fr-FR')).toEqual({ start: '09:00', end: '11:30' });
    expect(formatTimeRange('2026-12-01T08:00:00Z', '2026-12-01T10:30:00Z', 'America/New_York', 'en-GB')).toEqual({ start: '03:00', end: '05:30' });
  });

  it('adds the date to an end that falls on another day', () => {
    const { end } = formatTimeRange('2026-12-01T20:00:00+01:00', '2026-12-02T02:00:00+01:00', 'Europe/Paris', 'en-GB');
    expect(end).toContain('2 Dec');
    expect(end).toContain('02:00');
  });

  it('formats day headings in the chosen language', () => {
    expect(formatDay('2026-11-30', 'fr-FR')).toBe('lundi 30 novembre 2026');
    // ICU versions disagree on the comma after the weekday in English.
    expect(formatDay('2026-11-30', 'en-GB')).toMatch(/^Monday,? 30 November 2026$/);
  });

});

describe('groupByDay', () => {
  it('sorts by start and groups on the day in each intervention zone', () => {
    const items = [
      { id: 'b', startsAt: '2026-12-02T09:00:00+01:00', timeZone: 'Europe/Paris' },
      // 23:30 UTC on the 1st is already the 2nd in Paris.
      { id: 'c', startsAt: '2026-12-01T23:30:00Z', timeZone: 'Europe/Paris' },
      { id: 'a', startsAt: '2026-12-01T08:00:00+01:00', timeZone: 'Europe/Paris' },
    ];
    expect(groupByDay(items).map((g) => [g.day, g.items.map((i) => i.id)])).toEqual([
      ['2026-12-01', ['a']],
      ['2026-12-02', ['c', 'b']],
    ]);
    expect(dayKey('2026-12-01T23:30:00Z', 'UTC')).toBe('2026-12-01');
  });
});
