import { describe, expect, it } from 'vitest';
import { ApiRequestError } from '../../api/api-error';
import { decisionConflict, isConflict } from './decision-conflict';

const ID = '44444444-4444-4444-8444-444444444444';

describe('decisionConflict', () => {
  it('says "already decided" when the change is no longer open', () => {
    expect(decisionConflict(ID, [{ id: 'other', status: 'open' }])).toBe('alreadyDecided');
  });

  it('says "the intervention changed since" when the change is still open after the 409', () => {
    expect(decisionConflict(ID, [{ id: ID, status: 'open' }])).toBe('interventionChanged');
  });
});

describe('isConflict', () => {
  it('is true for a 409 only', () => {
    expect(isConflict(new ApiRequestError(409, 'CONFLICT', 'x'))).toBe(true);
    expect(isConflict(new ApiRequestError(404, 'NOT_FOUND', 'x'))).toBe(false);
    expect(isConflict(new Error('x'))).toBe(false);
  });
});
