// The shared contracts and the database schema must name the same enum values, or a
// value written by one side could not be read by the other.
import { describe, expect, it } from 'vitest';
import { INTERVENTION_STATUSES, ROLES } from '@fs/contracts';
import { InterventionStatus, Role } from '../generated/prisma/enums';

describe('enums shared by contracts and database', () => {
  it('roles match', () => {
    expect(Object.values(Role).sort()).toEqual([...ROLES].sort());
  });

  it('intervention statuses match', () => {
    expect(Object.values(InterventionStatus).sort()).toEqual([...INTERVENTION_STATUSES].sort());
  });
});
