// Connecting Google Calendar end to end: the real app and database, google-auth-library
// and @googleapis/calendar speaking HTTP to an in-process calendar emulator.
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { OAUTH_STATE_TTL_MS } from '../src/integrations/oauth/oauth-state.service';
import { startEmulatedTestApp, type EmulatedTestApp } from './support/calendar-emulator';

const ALICE = 'alice@example.com';
let t: EmulatedTestApp;
let alice: string;

beforeAll(async () => {
  t = await startEmulatedTestApp();
  alice = `Bearer ${await t.tokenFor(ALICE)}`;
});
afterAll(() => t?.close());
beforeEach(async () => {
  await t.emu.control.reset();
  await t.http.delete('/api/v1/integrations/google?removeEvents=false').set('Authorization', alice).expect(204);
});

const settingsUrl = (query: string) => `http://localhost:5173/settings?integration=google&${query}`;

describe('Google Calendar connection', () => {
  it('lists every provider as available and not connected before anything happens', async () => {
    const bob = `Bearer ${await t.tokenFor('bob@example.com')}`;
    const { body } = await t.http.get('/api/v1/integrations').set('Authorization', bob).expect(200);
    expect(body).toEqual(
      ['google', 'microsoft', 'caldav'].map((provider) => ({
        provider,
        available: true,
        status: 'NOT_CONNECTED',
        accountEmail: null,
        calendarId: null,
        calendarName: null,
        syncEnabled: true,
        syncMode: 'push',
        lastError: null,
        connectedAt: null,
        shareAvailability: true,
        availabilityCalendarIds: [],
        availabilityRefreshedAt: null,
        availabilityError: null,
        health: { lastSyncedAt: null, pendingCount: 0, failedCount: 0, progress: null, pushChannel: null, availabilityPush: null },
        managedBy: null,
        supersededAccountEmail: null,
      })),
    );
  });

  it('starts consent on the emulator with PKCE S256, a state and the person as login_hint', async () => {
    const url = await t.consentUrl(ALICE);
    expect(url.origin).toBe(t.emu.url);
    expect(url.searchParams.get('code_challenge_method')).toBe('S256');
    expect(url.searchParams.get('code_challenge')).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(url.searchParams.get('state')).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(url.searchParams.get('login_hint')).toBe(ALICE);
    expect(url.searchParams.get('access_type')).toBe('offline');
    expect(url.searchParams.get('scope')?.split(' ')).toContain('https://www.googleapis.com/auth/calendar.events');
    // Only the hash of the state is stored.
    const stored = await t.prisma.oAuthState.findMany({ select: { stateHash: true } });
    expect(stored.map((s) => s.stateHash)).not.toContain(url.searchParams.get('state'));
  });

  it('connects, stores only encrypted tokens, and never shows a token in a response', async () => {
    const landing = await t.connect(ALICE);
    expect(landing.toString()).toBe(settingsUrl('result=connected'));

    const row = await t.prisma.calendarIntegration.findFirstOrThrow({ where: { user: { email: ALICE } } });
    expect(row).toMatchObject({ status: 'CONNECTED', accountEmail: ALICE, lastError: null });
    expect(row.accessTokenEncrypted).toMatch(/^v1:/);
    expect(row.refreshTokenEncrypted).toMatch(/^v1:/);
    const rawTokens = [...t.emu.context.state.accessTokens.keys(), ...t.emu.context.state.refreshTokens.keys()];
    expect(rawTokens.length).toBeGreaterThanOrEqual(2);

    const list = await t.http.get('/api/v1/integrations').set('Authorization', alice).expect(200);
    const calendars = await t.http.get('/api/v1/integrations/google/calendars').set('Authorization', alice).expect(200);
    for (const raw of rawTokens) {
      expect(JSON.stringify(row)).not.toContain(raw);
      expect(list.text + calendars.text).not.toContain(raw);
    }
    expect(list.body[0]).toMatchObject({ provider: 'google', status: 'CONNECTED', accountEmail: ALICE, lastError: null });
    expect(new Date(list.body[0].connectedAt).getTime()).toBeGreaterThan(Date.now() - 60_000);
  });

  it('lists the account calendars with what may be written', async () => {
    await t.connect(ALICE);
    const { body } = await t.http.get('/api/v1/integrations/google/calendars').set('Authorization', alice).expect(200);
    expect(body).toHaveLength(3);
    expect(body).toEqual(
      expect.arrayContaining([
        { id: ALICE, name: expect.any(String), primary: true, canWrite: true },
        { id: expect.any(String), name: 'Interventions', primary: false, canWrite: true },
        { id: expect.any(String), name: 'Holidays', primary: false, canWrite: false },
      ]),
    );
  });

  it('accepts a writable calendar as target and refuses a read-only one, naming calendarId', async () => {
    await t.connect(ALICE);
    const { body: calendars } = await t.http.get('/api/v1/integrations/google/calendars').set('Authorization', alice);
    const byName = (name: string) => calendars.find((c: { name: string }) => c.name === name).id;

    const refused = await t.http
      .post('/api/v1/integrations/google/settings')
      .set('Authorization', alice)
      .send({ calendarId: byName('Holidays') })
      .expect(400);
    expect(refused.body).toMatchObject({ code: 'VALIDATION_FAILED', fields: [{ field: 'calendarId' }] });

    const saved = await t.http
      .post('/api/v1/integrations/google/settings')
      .set('Authorization', alice)
      .send({ calendarId: byName('Interventions'), syncEnabled: false })
      .expect(200);
    expect(saved.body).toMatchObject({ calendarId: byName('Interventions'), calendarName: 'Interventions', syncEnabled: false });

    const toggled = await t.http.post('/api/v1/integrations/google/settings').set('Authorization', alice).send({ syncEnabled: true });
    expect(toggled.body).toMatchObject({ calendarName: 'Interventions', syncEnabled: true });
  });

  it('refuses a replayed state', async () => {
    const redirect = await t.followConsent(await t.consentUrl(ALICE));
    expect((await t.callback(redirect)).toString()).toBe(settingsUrl('result=connected'));
    expect((await t.callback(redirect)).toString()).toBe(settingsUrl('result=error&reason=STATE_INVALID'));
  });

  it('lets only one of two simultaneous callbacks with the same state through', async () => {
    const redirect = await t.followConsent(await t.consentUrl(ALICE));
    const results = await Promise.all([t.callback(redirect), t.callback(redirect)]);
    expect(results.map((url) => url.searchParams.get('reason') ?? 'connected').sort()).toEqual(['STATE_INVALID', 'connected']);
  });

  it('refuses a state older than ten minutes', async () => {
    const redirect = await t.followConsent(await t.consentUrl(ALICE));
    vi.useFakeTimers({ toFake: ['Date'] });
    try {
      vi.setSystemTime(Date.now() + OAUTH_STATE_TTL_MS + 1000);
      expect((await t.callback(redirect)).toString()).toBe(settingsUrl('result=error&reason=STATE_INVALID'));
    } finally {
      vi.useRealTimers();
    }
    const { body } = await t.http.get('/api/v1/integrations').set('Authorization', alice);
    expect(body[0].status).toBe('NOT_CONNECTED');
  });

  it('refuses a forged or missing state without touching any integration', async () => {
    expect((await t.callback(new URL('http://x/api/v1/integrations/google/callback?code=abc&state=forged'))).toString()).toBe(
      settingsUrl('result=error&reason=STATE_INVALID'),
    );
    expect((await t.callback(new URL('http://x/api/v1/integrations/google/callback?code=abc'))).toString()).toBe(
      settingsUrl('result=error&reason=STATE_INVALID'),
    );
  });

  it('reports a refused consent as ACCESS_DENIED', async () => {
    await t.emu.control.consent('deny', 'google');
    expect((await t.connect(ALICE)).toString()).toBe(settingsUrl('result=error&reason=ACCESS_DENIED'));
  });

  it('reports a consent without the calendar scopes as ACCESS_DENIED and gives the grant back', async () => {
    await t.emu.control.consent('auto', 'google', ['https://www.googleapis.com/auth/calendar.events']);
    expect((await t.connect(ALICE)).toString()).toBe(settingsUrl('result=error&reason=ACCESS_DENIED'));
    const state = await t.emu.control.state();
    const grants = (state.grants as { provider: string; email: string; revoked: boolean }[]).filter((g) => g.provider === 'google');
    expect(grants.length).toBeGreaterThan(0);
    expect(grants.every((g) => g.revoked)).toBe(true);
    const { body } = await t.http.get('/api/v1/integrations').set('Authorization', alice);
    expect(body[0].status).toBe('NOT_CONNECTED');
  });

  it('answers 400 naming provider for an unknown provider', async () => {
    const { body } = await t.http.get('/api/v1/integrations/yahoo/auth').set('Authorization', alice).expect(400);
    expect(body).toMatchObject({ code: 'VALIDATION_FAILED', fields: [{ field: 'provider' }] });
  });
});
