// Unit tests of the Microsoft side's pure logic (no emulator, no SDK): time-zone arithmetic
// across DST, the Prefer header parser, batch dependency scheduling.
import { describe, expect, it } from 'vitest';
import { formatGraphDateTime, toEpochMs, toIana } from '../../src/microsoft/graph/time-zones.js';
import { parsePrefer } from '../../src/microsoft/graph/prefer.js';
import { parseBatch, runBatch } from '../../src/microsoft/graph/batch.js';

describe('time zones', () => {
  it('maps Windows names to IANA and keeps IANA names', () => {
    expect(toIana('Romance Standard Time')).toBe('Europe/Paris');
    expect(toIana('America/New_York')).toBe('America/New_York');
    // Names the API sends that a hand-made subset lacked: every CLDR Windows name resolves.
    expect(toIana('Nepal Standard Time')).toMatch(/^Asia\/Kat(h)?mandu$/);
    expect(toIana('India Standard Time')).toBe('Asia/Calcutta');
    expect(() => toIana('Mars/Olympus')).toThrow();
  });

  it('converts wall-clock times on both sides of a DST change', () => {
    // Paris switches to CEST on 2026-03-29 at 02:00 local.
    expect(new Date(toEpochMs('2026-03-28T09:00:00', 'Romance Standard Time')).toISOString()).toBe('2026-03-28T08:00:00.000Z');
    expect(new Date(toEpochMs('2026-03-30T09:00:00', 'Romance Standard Time')).toISOString()).toBe('2026-03-30T07:00:00.000Z');
  });

  it('formats with 7 fractional digits and no offset', () => {
    expect(formatGraphDateTime(Date.UTC(2026, 0, 5, 9, 30, 0, 123), 'UTC')).toBe('2026-01-05T09:30:00.1230000');
    expect(formatGraphDateTime(Date.UTC(2026, 6, 1, 12), 'Pacific Standard Time')).toBe('2026-07-01T05:00:00.0000000');
  });
});

describe('Prefer header', () => {
  it('reads several comma-separated preferences', () => {
    const p = parsePrefer('odata.maxpagesize=50, outlook.timezone="W. Europe Standard Time", IdType="ImmutableId"');
    expect(p).toEqual({ timeZone: 'W. Europe Standard Time', timeZoneRequested: true, maxPageSize: 50, immutableId: true });
  });

  it('defaults to UTC and default ids', () => {
    expect(parsePrefer(undefined)).toEqual({ timeZone: 'UTC', timeZoneRequested: false, immutableId: false });
  });
});

describe('batch scheduling', () => {
  it('rejects a dependsOn cycle', () => {
    expect(() => parseBatch({ requests: [{ id: '1', method: 'GET', url: '/me', dependsOn: ['2'] }, { id: '2', method: 'GET', url: '/me', dependsOn: ['1'] }] })).toThrow(/cycle/);
  });

  it('runs a dependent only after its dependency, and 424s the chain after a failure', async () => {
    const order: string[] = [];
    const requests = parseBatch({ requests: [
      { id: 'c', method: 'GET', url: '/x', dependsOn: ['b'] },
      { id: 'b', method: 'GET', url: '/fail', dependsOn: ['a'] },
      { id: 'a', method: 'GET', url: '/x' },
    ] });
    const out = await runBatch(requests, async (r) => {
      order.push(r.id);
      return { id: r.id, status: r.url === '/fail' ? 500 : 200 };
    });
    expect(order).toEqual(['a', 'b']);
    expect(Object.fromEntries(out.map((r) => [r.id, r.status]))).toEqual({ a: 200, b: 500, c: 424 });
  });
});
