import { describe, expect, it } from 'vitest';
import { createInterventionSchema, updateInterventionSchema } from './interventions.js';
import { isIanaTimeZone } from './time-zone.js';

const valid = {
  title: 'Boiler',
  clientName: 'Dupont',
  address: '1 rue A, Paris',
  startsAt: '2026-12-01T09:00:00+01:00',
  endsAt: '2026-12-01T10:00:00+01:00',
  timeZone: 'Europe/Paris',
  technicianId: '7d7f1f9e-3b43-4f7a-9a52-0d3c3a5f1b11',
};

const pathsOf = (input: unknown, schema = createInterventionSchema) =>
  schema.safeParse(input).error?.issues.map((i) => (i.code === 'unrecognized_keys' ? i.keys.join() : i.path.join('.'))) ?? [];

describe('intervention contracts', () => {
  it('accepts a valid intervention and defaults the description', () => {
    expect(createInterventionSchema.parse(valid).description).toBe('');
  });

  it('rejects an end at or before the start, on the endsAt field', () => {
    expect(pathsOf({ ...valid, endsAt: valid.startsAt })).toEqual(['endsAt']);
  });

  it('rejects date-times without an offset: their instant would be ambiguous', () => {
    expect(pathsOf({ ...valid, startsAt: '2026-12-01T09:00:00' })).toEqual(['startsAt']);
  });

  it('defaults the client phone to empty and refuses letters in it, on the clientPhone field', () => {
    expect(createInterventionSchema.parse(valid).clientPhone).toBe('');
    expect(createInterventionSchema.parse({ ...valid, clientPhone: ' +33 (0)1 23-45.67 ' }).clientPhone).toBe('+33 (0)1 23-45.67');
    expect(pathsOf({ ...valid, clientPhone: 'call me' })).toEqual(['clientPhone']);
  });

  it('rejects unknown fields by name', () => {
    expect(pathsOf({ ...valid, colour: 'red' })).toEqual(['colour']);
  });

  it('does not let an update set CANCELLED: cancelling has its own action', () => {
    expect(pathsOf({ status: 'CANCELLED' }, updateInterventionSchema as never)).toEqual(['status']);
    expect(updateInterventionSchema.parse({ status: 'DONE' })).toEqual({ status: 'DONE' });
  });
});

describe('isIanaTimeZone', () => {
  it.each([
    ['Europe/Paris', true],
    ['America/Argentina/Buenos_Aires', true],
    ['UTC', true],
    ['Europe/Atlantis', false],
    ['CET', false],
    ['+01:00', false],
  ])('%s -> %s', (zone, expected) => {
    expect(isIanaTimeZone(zone)).toBe(expected);
  });
});
