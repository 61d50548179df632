// MicrosoftCalendarProvider against the in-process calendar emulator: real MSAL and Graph
// SDK over HTTPS with the emulator's CA, the person's browser played by fetch.
import { startEmulator, type EmulatorHandle } from '@fs/calendar-emulator';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { ProviderTokens } from '../calendar-provider';
import type { MicrosoftEndpoints } from '../provider-endpoints';
import { AccessTokenRejected, ProviderError } from '../provider-error';
import { MicrosoftCalendarProvider } from './microsoft-calendar.provider';
import { emulatorEndpoints, PKCE } from '../../../../test/support/emulated-provider';

const REDIRECT_URI = 'http://localhost:3000/api/v1/integrations/microsoft/callback';
const { verifier: VERIFIER, challenge: CHALLENGE } = PKCE;

let emu: EmulatorHandle;
let endpoints: MicrosoftEndpoints;
let provider: MicrosoftCalendarProvider;

beforeAll(async () => {
  emu = await startEmulator({ port: 0, httpsPort: 0, quiet: true });
  endpoints = (await emulatorEndpoints(emu)).microsoft!;
  provider = new MicrosoftCalendarProvider(endpoints);
});

afterAll(async () => {
  await emu?.close();
});

beforeEach(async () => {
  await emu.control.reset();
});

/** What the person's browser does: open the consent URL, land on our callback with a code. */
async function consent(email: string, state = 'state-1'): Promise<URL> {
  const url = provider.authorizationUrl({ state, codeChallenge: CHALLENGE, loginHint: email });
  const response = await fetch(url, { redirect: 'manual' });
  expect(response.status).toBe(302);
  return new URL(response.headers.get('location')!);
}

async function connect(email = 'alice@example.com') {
  const code = (await consent(email)).searchParams.get('code')!;
  return provider.exchangeCode({ code, codeVerifier: VERIFIER });
}

/** A TokenContext that records what the provider asks us to store. */
function contextWith(tokens: ProviderTokens) {
  const stored: ProviderTokens[] = [];
  return { stored, context: { tokens, onTokens: async (t: ProviderTokens) => void stored.push(t) } };
}

async function rejection(promise: Promise<unknown>): Promise<ProviderError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ProviderError);
  return error as ProviderError;
}

describe('authorization URL', () => {
  it("is the emulator's plain-HTTP consent page, with PKCE S256, state, login_hint and our scopes", () => {
    const url = new URL(provider.authorizationUrl({ state: 'opaque-state', codeChallenge: CHALLENGE, loginHint: 'bob@example.com' }));
    expect(url.origin).toBe(emu.url);
    expect(url.pathname).toBe('/common/oauth2/v2.0/authorize');
    const q = url.searchParams;
    expect([q.get('client_id'), q.get('redirect_uri'), q.get('response_type')]).toEqual([endpoints.clientId, REDIRECT_URI, 'code']);
    expect([q.get('code_challenge'), q.get('code_challenge_method')]).toEqual([CHALLENGE, 'S256']);
    expect([q.get('state'), q.get('login_hint')]).toEqual(['opaque-state', 'bob@example.com']);
    expect(q.get('scope')!.split(' ')).toEqual(expect.arrayContaining(['offline_access', 'Calendars.ReadWrite', 'openid', 'email']));
  });

  it("outside emulator mode it is Microsoft's own authorize endpoint for the configured tenant", () => {
    const real = new MicrosoftCalendarProvider({
      clientId: 'app-id',
      clientSecret: 'secret',
      adminConsentRedirectUri: 'https://app.example.com/api/v1/admin/organisation-connections/microsoft/callback',
      redirectUri: 'https://fs.example.com/api/v1/integrations/microsoft/callback',
      tenant: 'organizations',
      authorityOrigin: 'https://login.microsoftonline.com',
      browserAuthorityOrigin: 'https://login.microsoftonline.com',
      graphBaseUrl: 'https://graph.microsoft.com/',
    });
    const url = new URL(real.authorizationUrl({ state: 's', codeChallenge: CHALLENGE }));
    expect(`${url.origin}${url.pathname}`).toBe('https://login.microsoftonline.com/organizations/oauth2/v2.0/authorize');
    expect(url.searchParams.has('login_hint')).toBe(false);
  });

  it('sends the browser back to our redirect URI with a code and the same state', async () => {
    const back = await consent('bob@example.com', 'state-42');
    expect(`${back.origin}${back.pathname}`).toBe(REDIRECT_URI);
    expect(back.searchParams.get('state')).toBe('state-42');
    expect(back.searchParams.get('code')).toBeTruthy();
  });
});

describe('code exchange', () => {
  it('gives an access token, a refresh token, an expiry and the consenting account', async () => {
    const { tokens, accountEmail } = await connect('bob@example.com');
    expect(accountEmail).toBe('bob@example.com');
    expect(tokens.accessToken).toBeTruthy();
    expect(tokens.refreshToken).toBeTruthy();
    expect(tokens.expiresAt.getTime()).toBeGreaterThan(Date.now() + 30 * 60_000);
    expect(tokens.scopes).toEqual(expect.arrayContaining(['Calendars.ReadWrite']));
  });

  it('refuses a wrong PKCE verifier', async () => {
    const code = (await consent('alice@example.com')).searchParams.get('code')!;
    const error = await rejection(provider.exchangeCode({ code, codeVerifier: 'x'.repeat(43) }));
    expect(error.code).toBe('PERMANENT');
  });

  it('refuses a code used twice (AADSTS54005) as PERMANENT, not as a revoked grant', async () => {
    const code = (await consent('alice@example.com')).searchParams.get('code')!;
    await provider.exchangeCode({ code, codeVerifier: VERIFIER });
    const error = await rejection(provider.exchangeCode({ code, codeVerifier: VERIFIER }));
    expect(error.code).toBe('PERMANENT');
  });
});

describe('listCalendars', () => {
  it('maps isDefaultCalendar to primary and canEdit to canWrite', async () => {
    const { tokens } = await connect();
    const { context, stored } = contextWith(tokens);
    const calendars = await provider.listCalendars(context);
    expect(calendars.filter((c) => c.primary)).toHaveLength(1);
    expect(calendars.find((c) => c.primary)!.canWrite).toBe(true);
    expect(calendars.find((c) => c.name === 'Interventions')).toMatchObject({ primary: false, canWrite: true });
    expect(calendars.find((c) => c.name === 'Holidays')).toMatchObject({ primary: false, canWrite: false });
    expect(stored).toEqual([]);
  });

  it('calls with the access token it is given, whatever its expiry: refreshing is IntegrationAccess’s job', async () => {
    const { tokens } = await connect();
    const { context, stored } = contextWith({ ...tokens, expiresAt: new Date(Date.now() - 1000) });
    expect(await provider.listCalendars(context)).toHaveLength(3);
    expect(stored).toEqual([]);
  });

  it('reports a 401 to a token that should still be valid as AccessTokenRejected, without refreshing', async () => {
    const { tokens } = await connect();
    await emu.control.expireTokens('microsoft', 'alice@example.com');
    const { context } = contextWith(tokens);
    expect(await rejection(provider.listCalendars(context))).toBeInstanceOf(AccessTokenRejected);
  });

  it('is AUTH_REVOKED when the grant was revoked (401, then the refresh fails)', async () => {
    const { tokens } = await connect();
    await emu.control.revokeGrant('microsoft', 'alice@example.com');
    const { context, stored } = contextWith(tokens);
    expect((await rejection(provider.listCalendars(context))).code).toBe('AUTH_REVOKED');
    expect(stored).toEqual([]);
  });

  it('is RATE_LIMITED with retryAfterMs when Graph throttles (429 + Retry-After), without retrying inside', async () => {
    const { tokens } = await connect();
    await emu.control.quota({ provider: 'microsoft', email: 'alice@example.com', perSecond: 1 });
    const { context } = contextWith(tokens);
    await provider.listCalendars(context);
    const error = await rejection(provider.listCalendars(context));
    expect([error.code, error.retryAfterMs]).toEqual(['RATE_LIMITED', 1000]);
  });
});

describe('refresh', () => {
  it('returns the rotated refresh token (Microsoft issues a new one on every use)', async () => {
    const { tokens } = await connect();
    const first = await provider.refresh(tokens.refreshToken!);
    expect(first.refreshToken).toBeTruthy();
    expect(first.refreshToken).not.toBe(tokens.refreshToken);
    const second = await provider.refresh(first.refreshToken!);
    expect(second.refreshToken).not.toBe(first.refreshToken);
    expect(second.accessToken).not.toBe(first.accessToken);
  });

  it('is AUTH_REVOKED after the person revoked the grant (AADSTS50173)', async () => {
    const { tokens } = await connect();
    await emu.control.revokeGrant('microsoft', 'alice@example.com');
    expect((await rejection(provider.refresh(tokens.refreshToken!))).code).toBe('AUTH_REVOKED');
  });

  it('is AUTH_REVOKED after 90 days without use (AADSTS700082)', async () => {
    const { tokens } = await connect();
    await emu.control.advanceClock(91 * 24 * 3600 * 1000);
    expect((await rejection(provider.refresh(tokens.refreshToken!))).code).toBe('AUTH_REVOKED');
  });

  it('is TRANSIENT when the token endpoint fails with a 503', async () => {
    const { tokens } = await connect();
    await emu.control.addFault({ provider: 'microsoft', route: 'token', status: 503, times: 1 });
    expect((await rejection(provider.refresh(tokens.refreshToken!))).code).toBe('TRANSIENT');
  });
});

describe('revoke', () => {
  it('resolves without calling Microsoft (there is no per-app revoke endpoint)', async () => {
    const { tokens } = await connect();
    await emu.control.call('DELETE', 'requests');
    await expect(provider.revoke(tokens)).resolves.toBeUndefined();
    expect(await emu.control.requests()).toEqual([]);
  });
});
