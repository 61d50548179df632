import { describe, expect, it } from 'vitest';
import { badgeText, openCount } from './open-count';

describe('openCount', () => {
  it('counts only the changes that wait for dispatch', () => {
    expect(openCount([{ status: 'open' }, { status: 'accepted' }, { status: 'open' }, { status: 'reverted' }])).toBe(2);
  });

  it('is zero before the list has loaded', () => {
    expect(openCount(undefined)).toBe(0);
  });
});

describe('badgeText', () => {
  it('shows no badge when nothing waits', () => {
    expect(badgeText(0)).toBeNull();
  });

  it('shows the number, and 99+ beyond 99', () => {
    expect(badgeText(1)).toBe('1');
    expect(badgeText(99)).toBe('99');
    expect(badgeText(100)).toBe('99+');
  });
});
