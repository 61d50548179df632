import { describe, expect, it } from 'vitest';
import { toIntervention } from './intervention.mapper';

describe('toIntervention', () => {
  it('exposes instants as UTC ISO strings and flattens the technician name', () => {
    const row = {
      id: 'a0a0a0a0-0000-4000-8000-000000000001',
      title: 'T',
      description: '',
      clientName: 'C',
      clientPhone: '',
      address: 'A',
      startsAt: new Date('2026-12-01T08:00:00Z'),
      endsAt: new Date('2026-12-01T09:00:00Z'),
      timeZone: 'Europe/Paris',
      status: 'PLANNED' as const,
      technicianId: 'b0b0b0b0-0000-4000-8000-000000000002',
      version: 4,
      updatedAt: new Date('2026-11-30T10:00:00Z'),
      technician: { name: 'Alice Martin' },
    };
    expect(toIntervention(row)).toEqual({
      ...row,
      startsAt: '2026-12-01T08:00:00.000Z',
      endsAt: '2026-12-01T09:00:00.000Z',
      updatedAt: '2026-11-30T10:00:00.000Z',
      technician: undefined,
      technicianName: 'Alice Martin',
      sync: [],
      calendarChange: null,
    });
  });
});
