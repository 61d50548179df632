import { describe, expect, it } from 'vitest';
import { DEFAULT_EVENT_PRIVACY, type EventPrivacySettings } from '@fs/contracts';
import { syncKeyFor, toCalendarEventInput, type InterventionForEvent } from './event-input.mapper';

const intervention: InterventionForEvent = {
  id: '11111111-1111-4111-8111-111111111111',
  title: 'Boiler service',
  description: 'Bring the spare valve.',
  clientName: 'Dupont SARL',
  clientPhone: '+33 1 23 45 67 89',
  address: '12 rue de la Paix, Paris',
  startsAt: new Date('2026-12-01T08:00:00Z'),
  endsAt: new Date('2026-12-01T10:00:00Z'),
  timeZone: 'Europe/Paris',
};
const INTEGRATION = '22222222-2222-4222-8222-222222222222';
const ALL: EventPrivacySettings = { clientName: true, clientPhone: true, address: true, notes: true };
const NONE: EventPrivacySettings = { clientName: false, clientPhone: false, address: false, notes: false };
const map = (privacy: EventPrivacySettings, overrides: Partial<InterventionForEvent> = {}) =>
  toCalendarEventInput(INTEGRATION, { ...intervention, ...overrides }, privacy);

describe('toCalendarEventInput', () => {
  it('uses the intervention title as the event title, whatever the privacy settings', () => {
    expect(map(ALL).title).toBe('Boiler service');
    expect(map(NONE).title).toBe('Boiler service');
  });

  it('by default shares the address and the title only: no client name, phone or notes', () => {
    const event = map(DEFAULT_EVENT_PRIVACY);
    expect(event.location).toBe('12 rue de la Paix, Paris');
    expect(event.description).toBe('');
  });

  it('with everything allowed: client, phone, then the notes', () => {
    expect(map(ALL).description).toBe('Client: Dupont SARL\n\nPhone: +33 1 23 45 67 89\n\nBring the spare valve.');
  });

  it.each([
    ['clientName', 'Client: Dupont SARL'],
    ['clientPhone', 'Phone: +33 1 23 45 67 89'],
    ['notes', 'Bring the spare valve.'],
  ] as const)('shares %s only when that switch is on', (field, text) => {
    expect(map({ ...NONE, [field]: true }).description).toBe(text);
    expect(map({ ...ALL, [field]: false }).description).not.toContain(text);
  });

  it('leaves the location empty when the address is off', () => {
    expect(map({ ...ALL, address: false }).location).toBe('');
  });

  it('writes no empty phone line or trailing blank lines', () => {
    expect(map(ALL, { clientPhone: '', description: '  ' }).description).toBe('Client: Dupont SARL');
  });

  it('keeps the instants and the time zone of the intervention place', () => {
    expect(map(NONE)).toMatchObject({ startsAt: intervention.startsAt, endsAt: intervention.endsAt, timeZone: 'Europe/Paris' });
  });

  it('derives a sync key stable per integration and intervention, different across integrations', () => {
    const event = map(ALL);
    expect(event.syncKey).toBe(syncKeyFor(INTEGRATION, intervention.id));
    expect(map(ALL, { title: 'Other' }).syncKey).toBe(event.syncKey);
    expect(syncKeyFor('33333333-3333-4333-8333-333333333333', intervention.id)).not.toBe(event.syncKey);
    expect(event.interventionId).toBe(intervention.id);
  });
});
