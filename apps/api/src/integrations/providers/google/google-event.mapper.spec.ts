import { describe, expect, it } from 'vitest';
import type { CalendarEventInput } from '../calendar-provider';
import { googleEventId, toGoogleEvent } from './google-event.mapper';

const input: CalendarEventInput = {
  syncKey: 'integration-1:intervention-1',
  interventionId: 'intervention-1',
  title: 'Boiler service',
  description: 'Client: Dupont',
  location: '12 rue de la Paix, Paris',
  startsAt: new Date('2026-12-01T08:00:00Z'),
  endsAt: new Date('2026-12-01T10:00:00Z'),
  timeZone: 'Europe/Paris',
};

describe('googleEventId', () => {
  it('is base32hex (a-v, 0-9) of a length Google accepts (5-1024)', () => {
    expect(googleEventId(input.syncKey)).toMatch(/^[a-v0-9]{5,1024}$/);
    expect(googleEventId(input.syncKey)).toHaveLength(52);
  });

  it('is stable for one syncKey and differs between syncKeys', () => {
    expect(googleEventId(input.syncKey)).toBe(googleEventId('integration-1:intervention-1'));
    expect(googleEventId(input.syncKey)).not.toBe(googleEventId('integration-2:intervention-1'));
  });
});

describe('toGoogleEvent', () => {
  it('maps title, description and address to summary, description and location', () => {
    expect(toGoogleEvent(input)).toMatchObject({ summary: 'Boiler service', description: 'Client: Dupont', location: '12 rue de la Paix, Paris' });
  });

  it("writes start and end as the zone's wall time with its offset, plus the zone", () => {
    const body = toGoogleEvent(input);
    expect(body.start).toEqual({ dateTime: '2026-12-01T09:00:00+01:00', timeZone: 'Europe/Paris' });
    expect(body.end).toEqual({ dateTime: '2026-12-01T11:00:00+01:00', timeZone: 'Europe/Paris' });
  });

  it('tells the two 02:30 of the Paris fall-back night apart by their offset', () => {
    const body = toGoogleEvent({ ...input, startsAt: new Date('2026-10-25T00:30:00Z'), endsAt: new Date('2026-10-25T01:30:00Z') });
    expect([body.start?.dateTime, body.end?.dateTime]).toEqual(['2026-10-25T02:30:00+02:00', '2026-10-25T02:30:00+01:00']);
  });

  it('keeps syncKey and interventionId in private extended properties', () => {
    expect(toGoogleEvent(input).extendedProperties).toEqual({ private: { syncKey: input.syncKey, interventionId: 'intervention-1' } });
  });

  it("always says status 'confirmed' (an update then revives a deleted tombstone)", () => {
    expect(toGoogleEvent(input).status).toBe('confirmed');
  });

  it('marks the event private: people the calendar is shared with see only "busy"', () => {
    expect(toGoogleEvent(input).visibility).toBe('private');
  });

  it('carries no id (the adapter adds it on insert only)', () => {
    expect(toGoogleEvent(input)).not.toHaveProperty('id');
  });
});

describe('googleEventId generations', () => {
  it('gives a different valid id per generation, generation 0 being the default', () => {
    const ids = [0, 1, 2].map((g) => googleEventId(input.syncKey, g));
    expect(ids[0]).toBe(googleEventId(input.syncKey));
    expect(new Set(ids).size).toBe(3);
    for (const id of ids) expect(id).toMatch(/^[a-v0-9]{52}$/);
  });
});
