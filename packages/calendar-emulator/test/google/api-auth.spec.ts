// How Calendar v3 treats credentials, through googleapis + google-auth-library
// (provider-apis.md A1.6, A2.7, C7).
import { describe, expect, it } from 'vitest';
import { useEmulator } from '../helpers/emulator.js';
import { calendarApi, connectGoogle, oauthClient } from '../helpers/google.js';
import { failure, googleReason } from '../helpers/errors.js';

const emu = useEmulator();

describe('Calendar v3 authentication', () => {
  it('an unknown access token is 401 authError "Invalid Credentials"', async () => {
    const client = oauthClient(emu.get());
    client.setCredentials({ access_token: 'ya29.bogus', expiry_date: Date.now() + 3600_000 });
    const f = await failure(calendarApi(emu.get(), client).calendarList.list());
    expect(f.status).toBe(401);
    expect(f.data).toEqual({ error: { errors: [{ domain: 'global', reason: 'authError', message: 'Invalid Credentials', locationType: 'header', location: 'Authorization' }], code: 401, message: 'Invalid Credentials' } });
  });

  it('a call without credentials is 401 required "Login Required."', async () => {
    const cal = calendarApi(emu.get());
    const f = await failure(cal.calendarList.list());
    expect(f.status).toBe(401);
    expect(googleReason(f).message).toBe('Login Required.');
  });

  it('an access token expired early (control API) surfaces as 401: the library does not refresh when expiry_date is set', async () => {
    const { client } = await connectGoogle(emu.get());
    const cal = calendarApi(emu.get(), client);
    await cal.calendarList.list();
    await emu.get().control.expireTokens('google', 'alice@example.com');
    expect((await failure(cal.calendarList.list())).status).toBe(401);
  });

  it('with forceRefreshOnFailure the library refreshes after that 401 and the call succeeds', async () => {
    const { client } = await connectGoogle(emu.get(), 'alice@example.com', { forceRefreshOnFailure: true });
    await emu.get().control.expireTokens('google', 'alice@example.com');
    const r = await calendarApi(emu.get(), client).calendarList.list();
    expect(r.status).toBe(200);
    const routes = (await emu.get().control.requests()).map((e) => `${e.route}:${e.status}`);
    expect(routes.slice(-3)).toEqual(['calendarList.list:401', 'token:200', 'calendarList.list:200']);
  });

  it('an access token past its lifetime is 401 (emulator clock moved one hour)', async () => {
    const { client } = await connectGoogle(emu.get());
    await emu.get().control.advanceClock(3600_000);
    expect((await failure(calendarApi(emu.get(), client).calendarList.list())).status).toBe(401);
  });

  it('a revoked grant makes API calls 401 and refresh invalid_grant', async () => {
    const { client } = await connectGoogle(emu.get());
    await emu.get().control.revokeGrant('google', 'alice@example.com');
    expect((await failure(calendarApi(emu.get(), client).calendarList.list())).status).toBe(401);
    expect((await failure(client.refreshAccessToken())).data.error).toBe('invalid_grant');
  });

  it('a read-only scope may list but not insert (403 insufficientPermissions)', async () => {
    const { client } = await connectGoogle(emu.get(), 'alice@example.com', { scope: ['https://www.googleapis.com/auth/calendar.readonly'] });
    const cal = calendarApi(emu.get(), client);
    expect((await cal.events.list({ calendarId: 'primary' })).status).toBe(200);
    const f = await failure(cal.events.insert({ calendarId: 'primary', requestBody: { start: { date: '2026-12-01' }, end: { date: '2026-12-02' } } }));
    expect(f.status).toBe(403);
    expect(googleReason(f).reason).toBe('insufficientPermissions');
  });

  it('the calendar.events scope may write events but not list calendars', async () => {
    const { client } = await connectGoogle(emu.get(), 'alice@example.com', { scope: ['https://www.googleapis.com/auth/calendar.events'] });
    const cal = calendarApi(emu.get(), client);
    expect((await cal.events.insert({ calendarId: 'primary', requestBody: { start: { date: '2026-12-01' }, end: { date: '2026-12-02' } } })).status).toBe(200);
    expect((await failure(cal.calendarList.list())).status).toBe(403);
  });
});
