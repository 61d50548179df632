import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { addEvent, newCalendar, singleEventCalendar, type IcalEvent } from './icalendar';

const base: IcalEvent = {
  uid: 'abc@field-service',
  sequence: 3,
  title: 'Boiler service',
  description: 'Client: Dupont',
  location: '12 rue de la Paix',
  // 2026-03-29 is the night Paris moves to summer time: 08:00Z is 10:00 CEST.
  startsAt: new Date('2026-03-29T08:00:00Z'),
  endsAt: new Date('2026-03-29T09:30:00Z'),
  timeZone: 'Europe/Paris',
  lastModified: new Date('2026-03-01T12:00:00Z'),
};

function parse(text: string) {
  const root = new ICAL.Component(ICAL.parse(text));
  for (const zone of root.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(zone);
  return root;
}

describe('iCalendar writer', () => {
  it('writes the wall time in the event zone with its VTIMEZONE, and the same instant back', () => {
    const root = parse(singleEventCalendar(base));
    const event = new ICAL.Event(root.getFirstSubcomponent('vevent')!);
    expect(event.uid).toBe('abc@field-service');
    expect(event.sequence).toBe(3);
    expect(event.startDate.zone.tzid).toBe('Europe/Paris');
    expect(event.startDate.toString()).toBe('2026-03-29T10:00:00');
    expect(event.startDate.toJSDate().toISOString()).toBe('2026-03-29T08:00:00.000Z');
    expect(event.endDate.toJSDate().toISOString()).toBe('2026-03-29T09:30:00.000Z');
    expect(root.getAllSubcomponents('vtimezone').map((z) => z.getFirstPropertyValue('tzid'))).toEqual(['Europe/Paris']);
    expect(root.getFirstSubcomponent('vevent')!.getFirstPropertyValue('status')).toBe('CONFIRMED');
  });

  it('handles a zone with a 45-minute offset and an alias (UTC -> Etc/UTC) with a matching VTIMEZONE', () => {
    const calendar = newCalendar();
    addEvent(calendar, { ...base, uid: 'k', timeZone: 'Asia/Kathmandu' });
    addEvent(calendar, { ...base, uid: 'u', timeZone: 'UTC' });
    const root = parse(calendar.toString());
    const [k, u] = root.getAllSubcomponents('vevent').map((c) => new ICAL.Event(c));
    expect(k.startDate.toString()).toBe('2026-03-29T13:45:00');
    expect(k.startDate.toJSDate().toISOString()).toBe('2026-03-29T08:00:00.000Z');
    expect(u.startDate.zone.tzid).toBe('Etc/UTC');
    expect(u.startDate.toJSDate().toISOString()).toBe('2026-03-29T08:00:00.000Z');
    expect(root.getAllSubcomponents('vtimezone').map((z) => z.getFirstPropertyValue('tzid')).sort()).toEqual(['Asia/Kathmandu', 'Etc/UTC']);
  });

  it('marks a cancelled event STATUS:CANCELLED', () => {
    const root = parse(singleEventCalendar({ ...base, cancelled: true }));
    expect(root.getFirstSubcomponent('vevent')!.getFirstPropertyValue('status')).toBe('CANCELLED');
  });

  it('writes the same bytes for the same events (the feed ETag depends on it)', () => {
    expect(singleEventCalendar(base)).toBe(singleEventCalendar({ ...base }));
  });
});
