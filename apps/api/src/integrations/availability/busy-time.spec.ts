import { describe, expect, it } from 'vitest';
import type { ProviderCalendar } from '@fs/contracts';
import { calendarsThatCount, overlaps, refreshWindow, subtract } from './busy-time';

const at = (hhmm: string) => new Date(`2027-01-12T${hhmm}:00Z`);
const block = (from: string, to: string) => ({ start: at(from), end: at(to) });
const show = (blocks: { start: Date; end: Date }[]) => blocks.map((b) => `${b.start.toISOString().slice(11, 16)}-${b.end.toISOString().slice(11, 16)}`);

describe('subtract (our own events are not busy elsewhere)', () => {
  it.each([
    ['no hole', [block('09:00', '10:00')], [], ['09:00-10:00']],
    ['exactly our event', [block('09:00', '10:00')], [block('09:00', '10:00')], []],
    ['our event inside a longer block splits it', [block('08:00', '12:00')], [block('09:00', '10:00')], ['08:00-09:00', '10:00-12:00']],
    ['a hole over the start', [block('09:00', '11:00')], [block('08:00', '10:00')], ['10:00-11:00']],
    ['a hole over the end', [block('09:00', '11:00')], [block('10:30', '12:00')], ['09:00-10:30']],
    ['a hole that only touches', [block('09:00', '10:00')], [block('10:00', '11:00')], ['09:00-10:00']],
    ['two holes in one block', [block('08:00', '12:00')], [block('10:00', '11:00'), block('08:30', '09:00')], ['08:00-08:30', '09:00-10:00', '11:00-12:00']],
  ])('%s', (_name, blocks, holes, expected) => {
    expect(show(subtract(blocks, holes))).toEqual(expected);
  });
});

describe('overlaps', () => {
  it('is half-open: back to back is free', () => {
    expect(overlaps(block('09:00', '10:00'), at('10:00'), at('11:00'))).toBe(false);
    expect(overlaps(block('09:00', '10:00'), at('08:00'), at('09:00'))).toBe(false);
    expect(overlaps(block('09:00', '10:00'), at('09:59'), at('11:00'))).toBe(true);
  });
});

describe('calendarsThatCount', () => {
  const calendars: ProviderCalendar[] = [
    { id: 'me', name: 'Me', primary: true, canWrite: true },
    { id: 'work', name: 'Interventions', primary: false, canWrite: true },
    { id: 'family', name: 'Family', primary: false, canWrite: false },
  ];
  it('defaults to the primary and the target calendar', () => {
    expect(calendarsThatCount(calendars, { chosenIds: [], targetCalendarId: 'work' }).map((c) => c.id)).toEqual(['me', 'work']);
  });
  it('uses the person’s choice, skipping calendars the account no longer has', () => {
    expect(calendarsThatCount(calendars, { chosenIds: ['family', 'gone'], targetCalendarId: 'work' }).map((c) => c.id)).toEqual(['family']);
  });
});

describe('refreshWindow', () => {
  it('starts a day back on the hour and spans 62 days', () => {
    const { from, to } = refreshWindow(new Date('2027-01-12T09:41:13Z'));
    expect(from.toISOString()).toBe('2027-01-11T09:00:00.000Z');
    expect(to.getTime() - from.getTime()).toBe(62 * 24 * 3600 * 1000);
  });
});
