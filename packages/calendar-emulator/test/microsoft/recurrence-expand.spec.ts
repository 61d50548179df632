// Unit: Graph recurrence patterns and ranges expanded through rrule (pure, no server).
import { describe, expect, it } from 'vitest';
import { parseRecurrence } from '../../src/microsoft/graph/recurrence/pattern.js';
import { occurrenceStarts } from '../../src/microsoft/graph/recurrence/expand.js';
import { formatGraphDateTime, toEpochMs } from '../../src/microsoft/graph/time-zones.js';

const ZONE = 'Eastern Standard Time';
const days = (pattern: Record<string, unknown>, range: Record<string, unknown>, from = '2026-01-01', to = '2027-12-31') => {
  const r = parseRecurrence({ pattern, range }, ZONE)!;
  const start = toEpochMs(`${String(range.startDate)}T18:30:00`, ZONE);
  return occurrenceStarts(r, start, ZONE, Date.parse(`${from}T00:00:00Z`), Date.parse(`${to}T00:00:00Z`))
    .map((ms) => formatGraphDateTime(ms, ZONE).slice(0, 16));
};

describe('recurrence expansion (rrule)', () => {
  it('daily every 2 days, endDate inclusive', () => {
    expect(days({ type: 'daily', interval: 2 }, { type: 'endDate', startDate: '2026-03-06', endDate: '2026-03-10' }))
      .toEqual(['2026-03-06T18:30', '2026-03-08T18:30', '2026-03-10T18:30']);
  });

  it('weekly on two days keeps 18:30 New York time across the March DST change', () => {
    expect(days({ type: 'weekly', interval: 1, daysOfWeek: ['friday', 'monday'] }, { type: 'numbered', startDate: '2026-03-06', numberOfOccurrences: 4 }))
      .toEqual(['2026-03-06T18:30', '2026-03-09T18:30', '2026-03-13T18:30', '2026-03-16T18:30']);
  });

  it('relativeMonthly: second Tuesday; last Friday', () => {
    expect(days({ type: 'relativeMonthly', interval: 1, daysOfWeek: ['tuesday'], index: 'second' }, { type: 'numbered', startDate: '2026-01-01', numberOfOccurrences: 3 }))
      .toEqual(['2026-01-13T18:30', '2026-02-10T18:30', '2026-03-10T18:30']);
    expect(days({ type: 'relativeMonthly', interval: 1, daysOfWeek: ['friday'], index: 'last' }, { type: 'numbered', startDate: '2026-01-01', numberOfOccurrences: 2 }))
      .toEqual(['2026-01-30T18:30', '2026-02-27T18:30']);
  });

  it('absoluteMonthly on the 15th every 2 months; absoluteYearly on 4 July', () => {
    expect(days({ type: 'absoluteMonthly', interval: 2, dayOfMonth: 15 }, { type: 'numbered', startDate: '2026-01-15', numberOfOccurrences: 3 }))
      .toEqual(['2026-01-15T18:30', '2026-03-15T18:30', '2026-05-15T18:30']);
    expect(days({ type: 'absoluteYearly', interval: 1, month: 7, dayOfMonth: 4 }, { type: 'noEnd', startDate: '2026-01-01' }))
      .toEqual(['2026-07-04T18:30', '2027-07-04T18:30']);
  });

  it('noEnd is only expanded inside the asked window', () => {
    const got = days({ type: 'daily', interval: 1 }, { type: 'noEnd', startDate: '2026-01-01' }, '2027-06-10', '2027-06-12');
    expect(got.filter((d) => d >= '2027-06-10' && d < '2027-06-12')).toEqual(['2027-06-10T18:30', '2027-06-11T18:30']);
    expect(got.length).toBeLessThan(6);
  });

  it('refuses a weekly pattern without days and a numbered range without a count', () => {
    expect(() => parseRecurrence({ pattern: { type: 'weekly' }, range: { type: 'noEnd', startDate: '2026-01-01' } }, ZONE)).toThrow(/daysOfWeek/);
    expect(() => parseRecurrence({ pattern: { type: 'daily' }, range: { type: 'numbered', startDate: '2026-01-01' } }, ZONE)).toThrow(/numberOfOccurrences/);
  });
});
