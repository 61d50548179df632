// Conformance: Google Workspace service accounts with domain-wide delegation, through
// google-auth-library's JWT client with `subject` (the user to act as) and googleapis'
// calendar client. google-auth-library always posts the JWT bearer grant to Google's own
// token URL: the JWT client's transporter (a Gaxios instance, documented on AuthClient) gets a
// request interceptor that sends it to the emulator instead, nothing else changes.
import { describe, expect, it } from 'vitest';
import { JWT } from 'google-auth-library';
import { calendar } from 'googleapis/build/src/apis/calendar/index.js';
import { useEmulator } from '../helpers/emulator.js';

const emu = useEmulator();
const EVENTS_SCOPE = 'https://www.googleapis.com/auth/calendar.events';
const CAL_SCOPE = 'https://www.googleapis.com/auth/calendar';

type Key = { client_email: string; private_key: string; client_id: string; token_uri: string };
const register = async (delegatedScopes: string[]) =>
  (await emu.get().control.call('POST', 'google/service-accounts', { delegatedScopes })) as Key;

function jwtFor(key: Key, subject: string, scopes = [EVENTS_SCOPE]): JWT {
  const jwt = new JWT({ email: key.client_email, key: key.private_key, scopes, subject });
  jwt.transporter.interceptors.request.add({
    resolved: async (options) => {
      if (String(options.url) === 'https://oauth2.googleapis.com/token') options.url = new URL(key.token_uri); // gaxios keeps url as a URL object
      return options;
    },
  });
  return jwt;
}

const calendarApi = (auth: JWT) => calendar({ version: 'v3', auth, rootUrl: `${emu.get().url}/` });

async function failure(p: Promise<unknown>): Promise<{ status?: number; response?: { status: number; data: { error: string; error_description: string } }; message: string }> {
  try { await p; } catch (e) { return e as never; }
  throw new Error('expected a failure');
}

describe('service accounts (domain-wide delegation)', () => {
  it('the control call returns a JSON key of the documented shape', async () => {
    const key = await register([EVENTS_SCOPE]);
    expect(key).toMatchObject({ type: 'service_account', client_email: expect.stringMatching(/@.+\.iam\.gserviceaccount\.com$/), private_key: expect.stringContaining('BEGIN PRIVATE KEY') });
  });

  it('a JWT client with subject acts as that user: events it writes are in their primary calendar', async () => {
    const key = await register([EVENTS_SCOPE]);
    const api = calendarApi(jwtFor(key, 'bob@example.com'));
    const created = await api.events.insert({ calendarId: 'primary', requestBody: { summary: 'Boiler', start: { dateTime: '2026-03-02T09:00:00Z' }, end: { dateTime: '2026-03-02T10:00:00Z' } } });
    expect(created.data.organizer?.email).toBe('bob@example.com');
    const { events } = await emu.get().control.state();
    expect(events.filter((e) => !e.deleted).map((e) => e.calendarId)).toEqual(['bob@example.com']);
  });

  it('a scope not delegated in the Admin console: 401 unauthorized_client', async () => {
    const key = await register([EVENTS_SCOPE]);
    const e = await failure(jwtFor(key, 'bob@example.com', [CAL_SCOPE]).authorize());
    expect(e.message).toMatch(/^unauthorized_client: Client is unauthorized/);
    expect(e.status ?? e.response?.status).toBe(401);
    // Delegation granted afterwards: the same request works.
    await emu.get().control.call('POST', 'google/service-accounts/delegation', { clientId: key.client_id, scopes: [CAL_SCOPE, EVENTS_SCOPE] });
    expect((await jwtFor(key, 'bob@example.com', [CAL_SCOPE]).authorize()).access_token).toBeTruthy();
  });

  it('an unknown subject is invalid_grant; a deleted key fails its signature', async () => {
    const key = await register([EVENTS_SCOPE]);
    const unknown = await failure(jwtFor(key, 'nobody@example.com').authorize());
    expect([unknown.status ?? unknown.response?.status, unknown.message]).toEqual([400, 'invalid_grant: Invalid email or User ID']);
    await emu.get().control.call('DELETE', 'google/service-accounts/key', { clientEmail: key.client_email });
    const deleted = await failure(jwtFor(key, 'bob@example.com').authorize());
    expect([deleted.status ?? deleted.response?.status, deleted.message]).toEqual([400, 'invalid_grant: Invalid JWT Signature.']);
  });
});
