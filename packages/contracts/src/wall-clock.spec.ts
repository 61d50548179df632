import { describe, expect, it } from 'vitest';
import { instantOfWallTime, instantsOfWallTime, offsetMinutesAt, wallTimeAt, zonedIso } from './wall-clock.js';

const iso = (d: Date | null) => d?.toISOString() ?? null;

describe('wallTimeAt: instant -> wall time and offset', () => {
  // [case, instant, zone, wall, offset]
  it.each([
    ['UTC', '2026-03-29T01:00:00Z', 'UTC', '2026-03-29T01:00:00', '+00:00'],
    ['Paris winter', '2026-12-01T08:00:00Z', 'Europe/Paris', '2026-12-01T09:00:00', '+01:00'],
    ['Paris summer', '2026-07-01T07:00:00Z', 'Europe/Paris', '2026-07-01T09:00:00', '+02:00'],
    ['Paris, last second before the spring jump', '2026-03-29T00:59:59Z', 'Europe/Paris', '2026-03-29T01:59:59', '+01:00'],
    ['Paris, spring jump: 02:00 becomes 03:00', '2026-03-29T01:00:00Z', 'Europe/Paris', '2026-03-29T03:00:00', '+02:00'],
    ['Paris, fall back, first 02:30', '2026-10-25T00:30:00Z', 'Europe/Paris', '2026-10-25T02:30:00', '+02:00'],
    ['Paris, fall back, second 02:30', '2026-10-25T01:30:00Z', 'Europe/Paris', '2026-10-25T02:30:00', '+01:00'],
    ['New York, last second before the spring jump', '2026-03-08T06:59:59Z', 'America/New_York', '2026-03-08T01:59:59', '-05:00'],
    ['New York, spring jump: 02:00 becomes 03:00', '2026-03-08T07:00:00Z', 'America/New_York', '2026-03-08T03:00:00', '-04:00'],
    ['New York, fall back, first 01:30', '2026-11-01T05:30:00Z', 'America/New_York', '2026-11-01T01:30:00', '-04:00'],
    ['New York, fall back, second 01:30', '2026-11-01T06:30:00Z', 'America/New_York', '2026-11-01T01:30:00', '-05:00'],
    ['New York, the day before in UTC terms', '2026-01-01T02:30:00Z', 'America/New_York', '2025-12-31T21:30:00', '-05:00'],
    ['Kolkata, a 30-minute offset', '2026-01-01T00:00:00Z', 'Asia/Kolkata', '2026-01-01T05:30:00', '+05:30'],
    ['Kathmandu, a 45-minute offset', '2026-01-01T00:00:00Z', 'Asia/Kathmandu', '2026-01-01T05:45:00', '+05:45'],
    ['Lord Howe, a 30-minute DST: first 01:45', '2026-04-04T14:45:00Z', 'Australia/Lord_Howe', '2026-04-05T01:45:00', '+11:00'],
    ['Lord Howe, a 30-minute DST: second 01:45', '2026-04-04T15:15:00Z', 'Australia/Lord_Howe', '2026-04-05T01:45:00', '+10:30'],
    ['milliseconds are dropped, not rounded', '2026-12-01T08:00:00.999Z', 'Europe/Paris', '2026-12-01T09:00:00', '+01:00'],
  ])('%s', (_case, instant, zone, wall, offset) => {
    expect(wallTimeAt(new Date(instant), zone)).toMatchObject({ wall, offset });
    expect(wallTimeAt(Date.parse(instant), zone).wall).toBe(wall);
  });

  it('throws RangeError for a zone that does not exist', () => {
    expect(() => wallTimeAt(0, 'Europe/Atlantis')).toThrow(RangeError);
  });
});

describe('offsetMinutesAt and zonedIso', () => {
  it.each([
    ['2026-12-01T00:00:00Z', 'UTC', 0, '2026-12-01T00:00:00+00:00'],
    ['2026-12-01T00:00:00Z', 'Europe/Paris', 60, '2026-12-01T01:00:00+01:00'],
    ['2026-07-01T12:00:00Z', 'America/New_York', -240, '2026-07-01T08:00:00-04:00'],
    ['2026-01-15T04:30:00Z', 'Asia/Kolkata', 330, '2026-01-15T10:00:00+05:30'],
    ['2026-01-15T12:00:00Z', 'America/St_Johns', -210, '2026-01-15T08:30:00-03:30'],
  ])('%s in %s: %i minutes, %s', (instant, zone, minutes, local) => {
    expect(offsetMinutesAt(new Date(instant), zone)).toBe(minutes);
    expect(zonedIso(new Date(instant), zone)).toBe(local);
    expect(Date.parse(local)).toBe(Date.parse(instant));
  });
});

describe('instantOfWallTime: wall time -> instant', () => {
  // [case, wall, zone, disambiguation, instant]
  it.each([
    ['UTC', '2026-03-29T01:00', 'UTC', undefined, '2026-03-29T01:00:00.000Z'],
    ['Paris winter', '2026-12-01T09:00', 'Europe/Paris', undefined, '2026-12-01T08:00:00.000Z'],
    ['Paris, skipped 02:30 moves forward by the jump', '2026-03-29T02:30', 'Europe/Paris', undefined, '2026-03-29T01:30:00.000Z'],
    ['Paris, skipped 02:30, earlier', '2026-03-29T02:30', 'Europe/Paris', 'earlier', '2026-03-29T00:30:00.000Z'],
    ['Paris, twice 02:30: the first by default', '2026-10-25T02:30', 'Europe/Paris', undefined, '2026-10-25T00:30:00.000Z'],
    ['Paris, twice 02:30: the second on request', '2026-10-25T02:30', 'Europe/Paris', 'later', '2026-10-25T01:30:00.000Z'],
    ['New York, skipped 02:30 moves forward', '2026-03-08T02:30', 'America/New_York', undefined, '2026-03-08T07:30:00.000Z'],
    ['New York, twice 01:30: the first by default', '2026-11-01T01:30', 'America/New_York', undefined, '2026-11-01T05:30:00.000Z'],
    ['New York, twice 01:30: the second on request', '2026-11-01T01:30', 'America/New_York', 'later', '2026-11-01T06:30:00.000Z'],
    ['Kolkata', '2026-01-15T10:00', 'Asia/Kolkata', undefined, '2026-01-15T04:30:00.000Z'],
    ['Lord Howe, skipped 02:15 moves forward by its 30 minutes, to 02:45', '2026-10-04T02:15', 'Australia/Lord_Howe', undefined, '2026-10-03T15:45:00.000Z'],
    ["Graph's seven fraction digits", '2017-04-15T11:00:00.0000000', 'UTC', undefined, '2017-04-15T11:00:00.000Z'],
    ['seconds kept', '2026-12-01T09:00:30', 'Europe/Paris', undefined, '2026-12-01T08:00:30.000Z'],
  ] as const)('%s', (_case, wall, zone, disambiguation, instant) => {
    expect(iso(instantOfWallTime(wall, zone, disambiguation))).toBe(instant);
  });

  it.each(['', '2026-12-01', '2026-12-01T9:00', '2026-02-30T10:00', '2026-12-01T09:00Z', '2026-12-01T09:00+01:00', '2026-12-01T09:00[Europe/Paris]'])(
    'is null for %j, which is not a wall time',
    (wall) => {
      expect(instantOfWallTime(wall, 'Europe/Paris')).toBeNull();
      expect(instantsOfWallTime(wall, 'Europe/Paris')).toEqual([]);
    },
  );
});

describe('instantsOfWallTime: the DST gap and overlap', () => {
  it.each([
    ['Paris, an ordinary time', '2026-12-01T09:00', 'Europe/Paris', ['2026-12-01T08:00:00.000Z']],
    ['Paris, in the spring gap', '2026-03-29T02:30', 'Europe/Paris', []],
    ['Paris, in the fall overlap', '2026-10-25T02:30', 'Europe/Paris', ['2026-10-25T00:30:00.000Z', '2026-10-25T01:30:00.000Z']],
    ['New York, in the spring gap', '2026-03-08T02:30', 'America/New_York', []],
    ['New York, in the fall overlap', '2026-11-01T01:30', 'America/New_York', ['2026-11-01T05:30:00.000Z', '2026-11-01T06:30:00.000Z']],
    ['Lord Howe, its 30-minute overlap', '2026-04-05T01:45', 'Australia/Lord_Howe', ['2026-04-04T14:45:00.000Z', '2026-04-04T15:15:00.000Z']],
    ['UTC never repeats', '2026-10-25T02:30', 'UTC', ['2026-10-25T02:30:00.000Z']],
  ])('%s', (_case, wall, zone, instants) => {
    expect(instantsOfWallTime(wall, zone).map(iso)).toEqual(instants);
  });

  it('finds every instant again from its wall time, quarter-hour by quarter-hour through both DST nights', () => {
    const nights: [string, string][] = [
      ['Europe/Paris', '2026-03-28T22:00:00Z'],
      ['Europe/Paris', '2026-10-24T22:00:00Z'],
      ['America/New_York', '2026-03-08T04:00:00Z'],
      ['America/New_York', '2026-11-01T03:00:00Z'],
    ];
    for (const [zone, from] of nights) {
      for (let t = Date.parse(from); t < Date.parse(from) + 6 * 3_600_000; t += 15 * 60_000) {
        const { wall } = wallTimeAt(t, zone);
        expect(instantsOfWallTime(wall, zone).map((d) => d.getTime()), `${zone} ${new Date(t).toISOString()}`).toContain(t);
      }
    }
  });
});
