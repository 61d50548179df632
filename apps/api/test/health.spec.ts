// Health tells a load balancer the truth: 503 (not 500) once the database is gone.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from './support/test-app';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t?.close());

describe('health', () => {
  it('answers 200 while the database answers, then 503 SERVICE_UNAVAILABLE once it is stopped', async () => {
    await t.http.get('/api/v1/health').expect(200);
    await t.stopDatabase();
    const response = await t.http.get('/api/v1/health');
    expect(response.status).toBe(503);
    expect(response.body).toMatchObject({ statusCode: 503, code: 'SERVICE_UNAVAILABLE' });
  });
});
