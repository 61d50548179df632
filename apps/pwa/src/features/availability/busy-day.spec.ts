import { describe, expect, it } from 'vitest';
import { dayRange, freeFirst, overlapping } from './busy-day';

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

describe('freeFirst', () => {
  const tech = (id: string, name: string) => ({ id, name, email: `${name}@example.com`, timeZone: 'Europe/Paris' });
  const [alice, bob, chloe] = [tech('a', 'Alice'), tech('b', 'Bob'), tech('c', 'Chloé')];
  const block = { start: '2027-01-12T09:00:00Z', end: '2027-01-12T10:00:00Z', provider: 'google' as const };

  it('puts the busy after the free, each keeping the list’s order', () => {
    const groups = freeFirst([alice, bob, chloe], [
      { technicianId: 'a', blocks: [block] },
      { technicianId: 'b', blocks: [] },
      { technicianId: 'c', blocks: [] },
    ]);
    expect(groups.free.map((t) => t.name)).toEqual(['Bob', 'Chloé']);
    expect(groups.busy.map((t) => t.name)).toEqual(['Alice']);
  });

  it('counts someone the API did not mention (calendar unknown) as free', () => {
    expect(freeFirst([alice, bob], [{ technicianId: 'b', blocks: [block] }])).toEqual({ free: [alice], busy: [bob] });
  });
});
