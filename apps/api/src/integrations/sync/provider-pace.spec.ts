// ProviderPace on its in-memory store (the embedded database's): waiters of one account take
// slots in turn, each at least one slot apart, and a wait longer than allowed is handed back.
import { describe, expect, it } from 'vitest';
import { AppConfig } from '../../config/app-config';
import { parseEnv } from '../../config/env.schema';
import { TEST_ENV } from '../../../test/support/test-app';
import { RateLimiterFactory } from '../../throttling/rate-limiter.factory';
import { ProviderPace } from './provider-pace';

async function pace(rate: number): Promise<ProviderPace> {
  const config = new AppConfig(parseEnv({ ...TEST_ENV, EMBEDDED_DB_DIR: 'memory://', SYNC_GOOGLE_CALLS_PER_SECOND: String(rate) }));
  return new ProviderPace(await RateLimiterFactory.open(undefined), config);
}

describe('ProviderPace.take', () => {
  it('lets waiters of one account go one slot apart (1/rate, a little wider), in turn', async () => {
    const paced = await pace(20); // slots of ceil(50 x 1.03) = 52 ms
    const started = performance.now();
    const times = await Promise.all([0, 1, 2, 3].map(() => paced.take('google', 'account-a').then((left) => (expect(left).toBe(0), performance.now() - started))));
    for (let i = 1; i < times.length; i++) expect(times[i]! - times[i - 1]!).toBeGreaterThanOrEqual(50);
  });

  it('does not make another account wait', async () => {
    const paced = await pace(2);
    await paced.take('google', 'account-a');
    const started = performance.now();
    expect(await paced.take('google', 'account-b')).toBe(0);
    expect(performance.now() - started).toBeLessThan(100);
  });

  it('hands back a wait longer than allowed instead of sleeping through it', async () => {
    const paced = await pace(2); // slots of 515 ms
    await paced.take('google', 'account-a');
    const started = performance.now();
    const left = await paced.take('google', 'account-a', 100);
    expect(left).toBeGreaterThan(100);
    expect(performance.now() - started).toBeLessThan(100);
  });
});
