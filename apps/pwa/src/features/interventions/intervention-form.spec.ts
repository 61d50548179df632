import { describe, expect, it } from 'vitest';
import { createInterventionSchema, updateInterventionSchema, type Intervention } from '@fs/contracts';
import { formValuesFrom, newFormValues, toCreateRequest, toRescheduleRequest, toUpdateRequest } from './intervention-form';

const ALICE = '11111111-1111-4111-8111-111111111111';
const BOB = '22222222-2222-4222-8222-222222222222';

const existing: Intervention = {
  id: '33333333-3333-4333-8333-333333333333',
  title: 'Boiler check',
  description: '',
  clientName: 'Dupont',
  clientPhone: '',
  address: '1 rue de Rivoli, Paris',
  startsAt: '2026-12-01T08:00:00.000Z',
  endsAt: '2026-12-01T09:00:00.000Z',
  timeZone: 'Europe/Paris',
  status: 'PLANNED',
  technicianId: ALICE,
  technicianName: 'Alice',
  version: 1,
  updatedAt: '2026-11-30T08:00:00.000Z',
  sync: [],
  calendarChange: null,
};

describe('toCreateRequest', () => {
  it('sends the typed wall-clock times with the offset of the chosen zone, accepted by the API schema', () => {
    const values = { ...newFormValues('Europe/Paris', ALICE, new Date('2026-11-30T10:00:00Z')), title: 'Leak', clientName: 'Martin', address: 'Lyon' };
    const request = toCreateRequest(values);
    expect(request).toEqual({
      title: 'Leak',
      description: '',
      clientName: 'Martin',
      clientPhone: '',
      address: 'Lyon',
      startsAt: '2026-12-01T09:00:00+01:00',
      endsAt: '2026-12-01T10:00:00+01:00',
      timeZone: 'Europe/Paris',
      technicianId: ALICE,
    });
    expect(createInterventionSchema.safeParse(request).success).toBe(true);
  });

  it('leaves an end before the start for the API to reject on endsAt', () => {
    const values = { ...formValuesFrom(existing), endsAt: '2026-12-01T08:00' };
    const result = createInterventionSchema.safeParse(toCreateRequest(values));
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => i.path.join('.'))).toEqual(['endsAt']);
  });

  it('sends an empty date as an empty string so the API names that field', () => {
    expect(toCreateRequest({ ...formValuesFrom(existing), startsAt: '' }).startsAt).toBe('');
  });
});

describe('toUpdateRequest', () => {
  it('sends nothing when nothing changed, even though the API wrote the time in UTC', () => {
    expect(toUpdateRequest(formValuesFrom(existing), existing)).toEqual({});
  });

  it('sends only the edited fields', () => {
    const values = { ...formValuesFrom(existing), title: 'Boiler repair', technicianId: BOB };
    expect(toUpdateRequest(values, existing)).toEqual({ title: 'Boiler repair', technicianId: BOB });
  });

  it('sends both times when the slot moves, and the new zone when the zone changes', () => {
    const moved = { ...formValuesFrom(existing), startsAt: '2026-12-02T14:00', endsAt: '2026-12-02T15:30' };
    expect(toUpdateRequest(moved, existing)).toEqual({ startsAt: '2026-12-02T14:00:00+01:00', endsAt: '2026-12-02T15:30:00+01:00' });
    const rezoned = { ...formValuesFrom(existing), timeZone: 'Europe/London' };
    const request = toUpdateRequest(rezoned, existing);
    expect(request).toEqual({ timeZone: 'Europe/London', startsAt: '2026-12-01T09:00:00+00:00', endsAt: '2026-12-01T10:00:00+00:00' });
    expect(updateInterventionSchema.safeParse(request).success).toBe(true);
  });
});

describe('toRescheduleRequest', () => {
  it('converts the new slot in the intervention zone', () => {
    expect(toRescheduleRequest('2026-07-01T08:00', '2026-07-01T12:00', 'Europe/Paris')).toEqual({
      startsAt: '2026-07-01T08:00:00+02:00',
      endsAt: '2026-07-01T12:00:00+02:00',
    });
  });
});
