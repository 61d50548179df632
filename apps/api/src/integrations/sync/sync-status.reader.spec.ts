import { describe, expect, it } from 'vitest';
import { availabilityPushOf } from './sync-status.reader';

describe('availabilityPushOf', () => {
  it('is active only when every busy watch is live, refused when any is refused', () => {
    expect(availabilityPushOf([])).toBeNull();
    expect(availabilityPushOf(['active', 'active'])).toBe('active');
    expect(availabilityPushOf(['active', 'pending'])).toBe('pending');
    expect(availabilityPushOf(['active', 'refused', 'pending'])).toBe('refused');
  });

  it('ignores a watch being stopped (its calendar no longer counts, or sharing was turned off)', () => {
    expect(availabilityPushOf(['active', 'stopping'])).toBe('active');
    expect(availabilityPushOf(['stopping', 'stopping'])).toBeNull();
  });
});
