import { describe, expect, it } from 'vitest';
import { syncKeyFor, toCalendarEventInput, type InterventionForEvent } from './event-input.mapper';

const intervention: InterventionForEvent = {
  id: '11111111-1111-4111-8111-111111111111',
  title: 'Boiler service',
  description: 'Bring the spare valve.',
  clientName: 'Dupont SARL',
  address: '12 rue de la Paix, Paris',
  startsAt: new Date('2026-12-01T08:00:00Z'),
  endsAt: new Date('2026-12-01T10:00:00Z'),
  timeZone: 'Europe/Paris',
};
const INTEGRATION = '22222222-2222-4222-8222-222222222222';

describe('toCalendarEventInput', () => {
  it('uses the intervention title as the event title', () => {
    expect(toCalendarEventInput(INTEGRATION, intervention).title).toBe('Boiler service');
  });

  it('puts the client name first in the description, then the intervention description', () => {
    expect(toCalendarEventInput(INTEGRATION, intervention).description).toBe('Client: Dupont SARL\n\nBring the spare valve.');
  });

  it('leaves no trailing blank lines when the intervention has no description', () => {
    expect(toCalendarEventInput(INTEGRATION, { ...intervention, description: '  ' }).description).toBe('Client: Dupont SARL');
  });

  it('uses the address as the location', () => {
    expect(toCalendarEventInput(INTEGRATION, intervention).location).toBe('12 rue de la Paix, Paris');
  });

  it('keeps the instants and the time zone of the intervention place', () => {
    const event = toCalendarEventInput(INTEGRATION, intervention);
    expect(event).toMatchObject({ startsAt: intervention.startsAt, endsAt: intervention.endsAt, timeZone: 'Europe/Paris' });
  });

  it('derives a sync key stable per integration and intervention, different across integrations', () => {
    const event = toCalendarEventInput(INTEGRATION, intervention);
    expect(event.syncKey).toBe(syncKeyFor(INTEGRATION, intervention.id));
    expect(toCalendarEventInput(INTEGRATION, { ...intervention, title: 'Other' }).syncKey).toBe(event.syncKey);
    expect(syncKeyFor('33333333-3333-4333-8333-333333333333', intervention.id)).not.toBe(event.syncKey);
    expect(event.interventionId).toBe(intervention.id);
  });
});
