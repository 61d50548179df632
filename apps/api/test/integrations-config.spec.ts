// Calendar integrations on a server configured without any provider: nothing to connect,
// and the PWA is told so instead of a dead "Connect" button.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConfigError, parseEnv } from '../src/config/env.schema';
import { startTestApp, TEST_ENV, type TestApp } from './support/test-app';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t?.close());

describe('integrations without provider configuration', () => {
  it('lists both OAuth providers as unavailable; CalDAV needs no server configuration', async () => {
    const auth = `Bearer ${await t.tokenFor('alice@example.com')}`;
    const { body } = await t.http.get('/api/v1/integrations').set('Authorization', auth).expect(200);
    expect(body.map((i: { provider: string; available: boolean; status: string }) => [i.provider, i.available, i.status])).toEqual([
      ['google', false, 'NOT_CONNECTED'],
      ['microsoft', false, 'NOT_CONNECTED'],
      ['caldav', true, 'NOT_CONNECTED'],
    ]);
  });

  it('refuses an OAuth start for CalDAV, naming the provider', async () => {
    const auth = `Bearer ${await t.tokenFor('alice@example.com')}`;
    const { body } = await t.http.get('/api/v1/integrations/caldav/auth').set('Authorization', auth).expect(400);
    expect(body.fields.map((f: { field: string }) => f.field)).toEqual(['provider']);
  });

  it('answers PROVIDER_NOT_CONFIGURED when asked to connect', async () => {
    const auth = `Bearer ${await t.tokenFor('alice@example.com')}`;
    const { body } = await t.http.get('/api/v1/integrations/microsoft/auth').set('Authorization', auth).expect(503);
    expect(body.code).toBe('PROVIDER_NOT_CONFIGURED');
  });

  it('refuses to boot with half a provider configuration, naming what is missing', () => {
    const boot = () => parseEnv({ ...TEST_ENV, MICROSOFT_CLIENT_ID: 'id', GOOGLE_REDIRECT_URI: 'http://localhost:3000/cb' });
    expect(boot).toThrow(ConfigError);
    expect(boot).toThrow(/MICROSOFT_CLIENT_SECRET is required when MICROSOFT_CLIENT_ID is set/);
    expect(boot).toThrow(/GOOGLE_CLIENT_ID is required when GOOGLE_REDIRECT_URI is set/);
  });
});
