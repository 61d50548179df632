import { describe, expect, it } from 'vitest';
import { wallTimeIn } from './zoned-time';

describe('wallTimeIn', () => {
  it('gives Paris wall time and offset in winter (+01:00) and summer (+02:00)', () => {
    expect(wallTimeIn(new Date('2026-12-01T08:00:00Z'), 'Europe/Paris')).toEqual({ wall: '2026-12-01T09:00:00', offset: '+01:00' });
    expect(wallTimeIn(new Date('2026-07-01T07:00:00Z'), 'Europe/Paris')).toEqual({ wall: '2026-07-01T09:00:00', offset: '+02:00' });
  });

  it('handles negative and half-hour offsets, and the day change', () => {
    expect(wallTimeIn(new Date('2026-01-01T02:30:00Z'), 'America/New_York')).toEqual({ wall: '2025-12-31T21:30:00', offset: '-05:00' });
    expect(wallTimeIn(new Date('2026-01-01T00:00:00Z'), 'Asia/Kolkata')).toEqual({ wall: '2026-01-01T05:30:00', offset: '+05:30' });
  });

  it('is UTC with +00:00 for UTC', () => {
    expect(wallTimeIn(new Date('2026-03-29T01:00:00Z'), 'UTC')).toEqual({ wall: '2026-03-29T01:00:00', offset: '+00:00' });
  });
});
