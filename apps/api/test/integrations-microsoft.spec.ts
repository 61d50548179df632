// Connecting Microsoft Outlook end to end: the real app and database, MSAL and the Graph SDK
// speaking HTTPS (the emulator's CA, trusted by the adapter only) to an in-process calendar
// emulator, the person's browser played by fetch on the emulator's plain-HTTP consent page.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { Clock } from '../src/common/clock';
import { OrganisationTokens } from '../src/integrations/organisation/organisation-tokens';
import { IntegrationAccess } from '../src/integrations/integration-access.service';
import { IntegrationRepository } from '../src/integrations/integration.repository';
import { TokenVault } from '../src/integrations/oauth/token-vault';
import { ProviderRegistry } from '../src/integrations/providers/provider-registry';
import { startEmulatedTestApp, type EmulatedTestApp } from './support/calendar-emulator';

const ALICE = 'alice@example.com';
const CALENDARS = '/api/v1/integrations/microsoft/calendars';
let t: EmulatedTestApp;
let alice: string;

beforeAll(async () => {
  t = await startEmulatedTestApp();
  alice = `Bearer ${await t.tokenFor(ALICE)}`;
});
afterAll(() => t?.close());
beforeEach(async () => {
  await t.emu.control.reset();
  await t.http.delete('/api/v1/integrations/microsoft?removeEvents=false').set('Authorization', alice).expect(204);
});

const settingsUrl = (query: string) => `http://localhost:5173/settings?integration=microsoft&${query}`;
const connect = () => t.connect(ALICE, 'microsoft');
const integration = async () => {
  const { body } = await t.http.get('/api/v1/integrations').set('Authorization', alice).expect(200);
  return body.find((i: { provider: string }) => i.provider === 'microsoft');
};
const storedRow = () => t.prisma.calendarIntegration.findFirstOrThrow({ where: { user: { email: ALICE }, provider: 'microsoft' } });
const storedRefreshToken = async () => t.app.get(TokenVault).open((await storedRow()).refreshTokenEncrypted!);
/** The refresh tokens the emulator issued to alice, oldest first. */
const issuedRefreshTokens = () =>
  [...t.emu.context.state.refreshTokens.values()].filter((rt) => rt.provider === 'microsoft' && rt.email === ALICE).map((rt) => rt.token);

describe('Microsoft Outlook connection', () => {
  it("sends the browser to the emulator's plain-HTTP consent page with PKCE S256, a state and the person as login_hint", async () => {
    const url = await t.consentUrl(ALICE, 'microsoft');
    expect(url.origin).toBe(t.emu.url);
    expect(url.pathname).toBe('/common/oauth2/v2.0/authorize');
    expect(url.searchParams.get('code_challenge_method')).toBe('S256');
    expect(url.searchParams.get('code_challenge')).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(url.searchParams.get('state')).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(url.searchParams.get('login_hint')).toBe(ALICE);
    expect(url.searchParams.get('scope')?.split(' ')).toEqual(expect.arrayContaining(['offline_access', 'Calendars.ReadWrite']));
  });

  it('connects, stores only encrypted tokens, and never shows a token in a response', async () => {
    expect((await connect()).toString()).toBe(settingsUrl('result=connected'));
    const row = await storedRow();
    expect(row).toMatchObject({ status: 'CONNECTED', accountEmail: ALICE, lastError: null });
    expect(row.accessTokenEncrypted).toMatch(/^v1:/);
    expect(row.refreshTokenEncrypted).toMatch(/^v1:/);

    const list = await t.http.get('/api/v1/integrations').set('Authorization', alice).expect(200);
    const calendars = await t.http.get(CALENDARS).set('Authorization', alice).expect(200);
    const rawTokens = [...t.emu.context.state.accessTokens.keys(), ...issuedRefreshTokens()];
    expect(rawTokens.length).toBeGreaterThanOrEqual(2);
    for (const raw of rawTokens) {
      expect(JSON.stringify(row)).not.toContain(raw);
      expect(list.text + calendars.text).not.toContain(raw);
    }
    expect(await integration()).toMatchObject({ status: 'CONNECTED', accountEmail: ALICE, lastError: null });
  });

  it('lists the account calendars: the default one as primary, Holidays read-only', async () => {
    await connect();
    const { body } = await t.http.get(CALENDARS).set('Authorization', alice).expect(200);
    expect(body).toHaveLength(3);
    expect(body).toEqual(
      expect.arrayContaining([
        { id: expect.any(String), name: expect.any(String), primary: true, canWrite: true },
        { id: expect.any(String), name: 'Interventions', primary: false, canWrite: true },
        { id: expect.any(String), name: 'Holidays', primary: false, canWrite: false },
      ]),
    );
  });

  it('accepts a writable calendar as target and refuses a read-only one, naming calendarId', async () => {
    await connect();
    const { body: calendars } = await t.http.get(CALENDARS).set('Authorization', alice);
    const byName = (name: string) => calendars.find((c: { name: string }) => c.name === name).id;
    const settings = (body: object) => t.http.post('/api/v1/integrations/microsoft/settings').set('Authorization', alice).send(body);

    const refused = await settings({ calendarId: byName('Holidays') }).expect(400);
    expect(refused.body).toMatchObject({ code: 'VALIDATION_FAILED', fields: [{ field: 'calendarId' }] });
    const saved = await settings({ calendarId: byName('Interventions'), syncEnabled: false }).expect(200);
    expect(saved.body).toMatchObject({ provider: 'microsoft', calendarId: byName('Interventions'), calendarName: 'Interventions', syncEnabled: false });
  });

  it('stores the rotated refresh token when an expired access token is refreshed', async () => {
    await connect();
    const first = await storedRefreshToken();
    expect(issuedRefreshTokens()).toEqual([first]);
    await t.emu.control.expireTokens('microsoft', ALICE);

    await t.http.get(CALENDARS).set('Authorization', alice).expect(200);
    const issued = issuedRefreshTokens();
    expect(issued).toHaveLength(2);
    expect(await storedRefreshToken()).toBe(issued[1]);
    expect(await integration()).toMatchObject({ status: 'CONNECTED', lastError: null });
  });

  it('serialises refreshes across API processes: two workers on one expired grant make one refresh and keep the newest refresh token', async () => {
    await connect();
    const first = await storedRefreshToken();
    await t.emu.control.expireTokens('microsoft', ALICE);
    // A slow token endpoint, so the second worker asks while the first one's refresh is in flight.
    await t.emu.control.addFault({ provider: 'microsoft', route: 'token', latencyMs: 300 });
    const { id: userId } = await t.prisma.user.findFirstOrThrow({ where: { email: ALICE } });
    const provider = t.app.get(ProviderRegistry).get('microsoft')!;
    // As two API processes have them: each its own in-process guard, one shared database.
    const workers = [0, 1].map(() => new IntegrationAccess(t.app.get(IntegrationRepository), t.app.get(Clock), t.app.get(OrganisationTokens)));

    const lists = await Promise.all(workers.map((worker) => worker.run(userId, provider, (context) => provider.listCalendars(context))));
    expect(lists.map((calendars) => calendars.length)).toEqual([3, 3]);
    const issued = issuedRefreshTokens();
    expect(issued).toEqual([first, expect.any(String)]);
    expect(await storedRefreshToken()).toBe(issued[1]);
    expect(await integration()).toMatchObject({ status: 'CONNECTED', lastError: null });
  });

  it('marks the integration NEEDS_RECONNECT (409) when the person revoked the grant, and a new consent clears it', async () => {
    await connect();
    await t.emu.control.revokeGrant('microsoft', ALICE);
    const { body } = await t.http.get(CALENDARS).set('Authorization', alice).expect(409);
    expect(body.code).toBe('INTEGRATION_NEEDS_RECONNECT');
    expect(await integration()).toMatchObject({ status: 'NEEDS_RECONNECT', lastError: 'AUTH_REVOKED' });

    expect((await connect()).toString()).toBe(settingsUrl('result=connected'));
    expect(await integration()).toMatchObject({ status: 'CONNECTED', lastError: null });
    await t.http.get(CALENDARS).set('Authorization', alice).expect(200);
  });

  it('answers 503 PROVIDER_UNAVAILABLE when Graph throttles, and stays connected', async () => {
    await connect();
    await t.emu.control.quota({ provider: 'microsoft', email: ALICE, perSecond: 1 });
    await t.http.get(CALENDARS).set('Authorization', alice).expect(200);
    const { body } = await t.http.get(CALENDARS).set('Authorization', alice).expect(503);
    expect(body.code).toBe('PROVIDER_UNAVAILABLE');
    expect(await integration()).toMatchObject({ status: 'CONNECTED' });
  });

  it('disconnects by forgetting the tokens locally (Microsoft has no per-app revoke endpoint)', async () => {
    await connect();
    await t.emu.control.call('DELETE', 'requests');
    await t.http.delete('/api/v1/integrations/microsoft?removeEvents=false').set('Authorization', alice).expect(204);
    expect(await t.emu.control.requests()).toEqual([]);
    expect(await integration()).toMatchObject({ status: 'NOT_CONNECTED', accountEmail: null, calendarId: null });
    const row = await t.prisma.calendarIntegration.findFirst({ where: { user: { email: ALICE }, provider: 'microsoft' } });
    expect(row?.accessTokenEncrypted ?? null).toBeNull();
    expect(row?.refreshTokenEncrypted ?? null).toBeNull();
    await t.http.get(CALENDARS).set('Authorization', alice).expect(409);
  });

  it('refuses a replayed state', async () => {
    const redirect = await t.followConsent(await t.consentUrl(ALICE, 'microsoft'));
    expect((await t.callback(redirect)).toString()).toBe(settingsUrl('result=connected'));
    expect((await t.callback(redirect)).toString()).toBe(settingsUrl('result=error&reason=STATE_INVALID'));
  });

  it('reports a refused consent as ACCESS_DENIED', async () => {
    await t.emu.control.consent('deny', 'microsoft');
    expect((await connect()).toString()).toBe(settingsUrl('result=error&reason=ACCESS_DENIED'));
    expect(await integration()).toMatchObject({ status: 'NOT_CONNECTED' });
  });
});
