// What happens to a Google connection over time: access tokens refreshed and stored,
// a revoked grant turned into "reconnect", disconnect revoking at Google, and every
// integration private to its person. Real app + database + SDKs against the emulator.
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { TokenVault } from '../src/integrations/oauth/token-vault';
import { startEmulatedTestApp, type EmulatedTestApp } from './support/calendar-emulator';

const ALICE = 'alice@example.com';
let t: EmulatedTestApp;
let alice: string;
let bob: string;

beforeAll(async () => {
  t = await startEmulatedTestApp();
  alice = `Bearer ${await t.tokenFor(ALICE)}`;
  bob = `Bearer ${await t.tokenFor('bob@example.com')}`;
});
afterAll(() => t?.close());
afterEach(() => t.clock.reset());
beforeEach(async () => {
  await t.emu.control.reset();
  for (const auth of [alice, bob]) await t.http.delete('/api/v1/integrations/google?removeEvents=false').set('Authorization', auth).expect(204);
  await t.connect(ALICE);
  await t.emu.control.call('DELETE', 'requests');
});

const aliceRow = () => t.prisma.calendarIntegration.findFirstOrThrow({ where: { user: { email: ALICE }, provider: 'google' } });
/** The app's clock moves to 30 s before the stored access token expires. */
const nearExpiry = async () => t.clock.advance((await aliceRow()).accessTokenExpiresAt!.getTime() - 30_000 - t.clock.now().getTime());
const routes = async () => (await t.emu.control.requests()).map((r) => r.route);
const liveAccessTokens = () =>
  [...t.emu.context.state.accessTokens.values()].filter((token) => token.email === ALICE && token.expiresAt > Date.now()).map((token) => token.token);

describe('Google tokens over time', () => {
  it('refreshes an access token the emulator expired early, transparently, and stores the new one encrypted', async () => {
    const before = await aliceRow();
    await t.emu.control.expireTokens('google', ALICE);
    await t.http.get('/api/v1/integrations/google/calendars').set('Authorization', alice).expect(200);

    expect(await routes()).toEqual(['calendarList.list', 'token', 'calendarList.list']);
    const after = await aliceRow();
    expect(after.accessTokenEncrypted).not.toBe(before.accessTokenEncrypted);
    const vault = t.app.get(TokenVault);
    expect(liveAccessTokens()).toContain(vault.open(after.accessTokenEncrypted!));
    // Google's refresh answer has no refresh token: the stored one is kept, not erased.
    expect(vault.open(after.refreshTokenEncrypted!)).toBe(vault.open(before.refreshTokenEncrypted!));
  });

  it('refreshes before calling when the stored access token expires within a minute', async () => {
    await nearExpiry();
    await t.http.get('/api/v1/integrations/google/calendars').set('Authorization', alice).expect(200);
    expect(await routes()).toEqual(['token', 'calendarList.list']);
    expect((await aliceRow()).accessTokenExpiresAt!.getTime()).toBeGreaterThan(Date.now() + 30 * 60_000);
  });

  it('shares one refresh between simultaneous calls', async () => {
    await nearExpiry();
    const calls = [1, 2, 3].map(() => t.http.get('/api/v1/integrations/google/calendars').set('Authorization', alice));
    expect((await Promise.all(calls)).map((r) => r.status)).toEqual([200, 200, 200]);
    expect((await routes()).filter((r) => r === 'token')).toEqual(['token']);
  });

  it('turns a revoked grant into NEEDS_RECONNECT with AUTH_REVOKED, drops the tokens and answers the reconnect code', async () => {
    await t.emu.control.revokeGrant('google', ALICE);
    const { body } = await t.http.get('/api/v1/integrations/google/calendars').set('Authorization', alice).expect(409);
    expect(body.code).toBe('INTEGRATION_NEEDS_RECONNECT');

    const list = await t.http.get('/api/v1/integrations').set('Authorization', alice).expect(200);
    expect(list.body[0]).toMatchObject({ provider: 'google', status: 'NEEDS_RECONNECT', lastError: 'AUTH_REVOKED', accountEmail: ALICE });
    expect(await aliceRow()).toMatchObject({ accessTokenEncrypted: null, refreshTokenEncrypted: null });
    // Asking again does not call Google with nothing: it answers the same code at once.
    await t.emu.control.call('DELETE', 'requests');
    expect((await t.http.get('/api/v1/integrations/google/calendars').set('Authorization', alice).expect(409)).body.code).toBe(
      'INTEGRATION_NEEDS_RECONNECT',
    );
    expect(await routes()).toEqual([]);

    // Reconnecting brings it back.
    expect((await t.connect(ALICE)).searchParams.get('result')).toBe('connected');
    expect((await t.http.get('/api/v1/integrations').set('Authorization', alice)).body[0]).toMatchObject({ status: 'CONNECTED', lastError: null });
  });

  it('disconnect revokes the grant at Google and forgets every token', async () => {
    await t.http.delete('/api/v1/integrations/google?removeEvents=false').set('Authorization', alice).expect(204);
    expect(await routes()).toEqual(['revoke']);
    const state = await t.emu.control.state();
    const grants = (state.grants as { provider: string; email: string; revoked: boolean }[]).filter((g) => g.provider === 'google' && g.email === ALICE);
    expect(grants.length).toBeGreaterThan(0);
    expect(grants.every((g) => g.revoked)).toBe(true);
    expect(await aliceRow()).toMatchObject({
      status: 'NOT_CONNECTED',
      accessTokenEncrypted: null,
      refreshTokenEncrypted: null,
      accessTokenExpiresAt: null,
      accountEmail: null,
    });
    const { body } = await t.http.get('/api/v1/integrations/google/calendars').set('Authorization', alice).expect(409);
    expect(body.code).toBe('INTEGRATION_NOT_CONNECTED');
  });

  it('disconnect still forgets the tokens when Google fails to revoke', async () => {
    await t.emu.control.addFault({ provider: 'google', route: 'revoke', status: 503 });
    await t.http.delete('/api/v1/integrations/google?removeEvents=false').set('Authorization', alice).expect(204);
    expect(await aliceRow()).toMatchObject({ status: 'NOT_CONNECTED', accessTokenEncrypted: null, refreshTokenEncrypted: null });
  });

  it('answers PROVIDER_UNAVAILABLE when Google rate limits us (403 rateLimitExceeded), refreshes no token for it, and keeps the connection as it is', async () => {
    await t.emu.control.addFault({ provider: 'google', route: 'calendarList.list', status: 403 });
    const before = (await t.emu.control.requests()).length;
    const { body } = await t.http.get('/api/v1/integrations/google/calendars').set('Authorization', alice).expect(503);
    expect(body.code).toBe('PROVIDER_UNAVAILABLE');
    const calls = (await t.emu.control.requests()).slice(before);
    expect(calls.filter((r) => /token/.test(r.path))).toEqual([]); // throttling is not an auth problem
    expect(calls.filter((r) => r.route === 'calendarList.list')).toHaveLength(1); // and no retry 16 ms later
    expect(await aliceRow()).toMatchObject({ status: 'CONNECTED', lastError: null });
    await t.emu.control.clearFaults();
    await t.http.get('/api/v1/integrations/google/calendars').set('Authorization', alice).expect(200);
  });

  it('passes on a Retry-After the provider gave with a 429', async () => {
    await t.emu.control.addFault({ provider: 'google', route: 'calendarList.list', status: 429, retryAfterSeconds: 7 });
    const response = await t.http.get('/api/v1/integrations/google/calendars').set('Authorization', alice).expect(503);
    expect(response.body.code).toBe('PROVIDER_UNAVAILABLE');
    expect(response.headers['retry-after']).toBe('7');
  });

  it('answers PROVIDER_UNAVAILABLE when Google keeps failing, after the library retried', async () => {
    await t.emu.control.addFault({ provider: 'google', route: 'calendarList.list', status: 503 });
    const { body } = await t.http.get('/api/v1/integrations/google/calendars').set('Authorization', alice).expect(503);
    expect(body.code).toBe('PROVIDER_UNAVAILABLE');
    expect((await routes()).filter((r) => r === 'calendarList.list').length).toBeGreaterThan(1);
    expect(await aliceRow()).toMatchObject({ status: 'CONNECTED' });
  });

  it('keeps each person to their own integration', async () => {
    const seenByBob = await t.http.get('/api/v1/integrations').set('Authorization', bob).expect(200);
    expect(seenByBob.body[0]).toMatchObject({ provider: 'google', status: 'NOT_CONNECTED', accountEmail: null });
    expect((await t.http.get('/api/v1/integrations/google/calendars').set('Authorization', bob).expect(409)).body.code).toBe(
      'INTEGRATION_NOT_CONNECTED',
    );
    await t.http.post('/api/v1/integrations/google/settings').set('Authorization', bob).send({ syncEnabled: false }).expect(409);
    await t.http.delete('/api/v1/integrations/google?removeEvents=false').set('Authorization', bob).expect(204);
    expect(await aliceRow()).toMatchObject({ status: 'CONNECTED', syncEnabled: true });
    expect(await routes()).toEqual([]);
  });

  it('refuses every route without a bearer token, except the callback', async () => {
    await t.http.get('/api/v1/integrations').expect(401);
    await t.http.get('/api/v1/integrations/google/auth').expect(401);
    await t.http.get('/api/v1/integrations/google/calendars').expect(401);
    await t.http.delete('/api/v1/integrations/google').expect(401);
    await t.http.get('/api/v1/integrations/google/callback').expect(302);
  });
});
