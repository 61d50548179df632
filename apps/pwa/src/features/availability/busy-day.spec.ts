import { describe, expect, it } from 'vitest';
import { dayRange, overlapping } from './busy-day';

describe('dayRange', () => {
  it('is the whole day on the zone’s clock', () => {
    expect(dayRange('2027-01-12T09:00', 'Europe/Paris')).toEqual({ from: '2027-01-11T23:00:00.000Z', to: '2027-01-12T23:00:00.000Z' });
  });
  it('is 23 hours on the day clocks go forward', () => {
    const range = dayRange('2027-03-28T09:00', 'Europe/Paris')!;
    expect(Date.parse(range.to) - Date.parse(range.from)).toBe(23 * 3600 * 1000);
  });
  it('is null for an incomplete date', () => {
    expect(dayRange('', 'Europe/Paris')).toBeNull();
  });
});

describe('overlapping', () => {
  const blocks = [{ start: '2027-01-12T08:00:00.000Z', end: '2027-01-12T09:00:00.000Z', provider: 'google' as const }];
  it('finds a block the slot overlaps', () => {
    expect(overlapping(blocks, '2027-01-12T09:30:00+01:00', '2027-01-12T10:30:00+01:00')).toEqual(blocks);
  });
  it('back to back is free', () => {
    expect(overlapping(blocks, '2027-01-12T10:00:00+01:00', '2027-01-12T11:00:00+01:00')).toEqual([]);
  });
});
