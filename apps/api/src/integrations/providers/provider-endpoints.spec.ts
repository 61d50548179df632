import { startEmulator, type EmulatorHandle } from '@fs/calendar-emulator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseEnv } from '../../config/env.schema';
import { CALDAV_TIMEOUT_MS, resolveProviderEndpoints } from './provider-endpoints';

const base = { JWT_SECRET: 'x'.repeat(32), TOKEN_ENCRYPTION_KEY: Buffer.alloc(32, 1).toString('base64'), PORT: '3100' };
const googleApp = {
  GOOGLE_CLIENT_ID: 'real-id.apps.googleusercontent.com',
  GOOGLE_CLIENT_SECRET: 'real-secret',
  GOOGLE_REDIRECT_URI: 'https://fs.example.com/api/v1/integrations/google/callback',
};

let emu: EmulatorHandle;
beforeAll(async () => {
  emu = await startEmulator({ port: 0, httpsPort: 0, quiet: true });
});
afterAll(() => emu?.close());

describe('resolveProviderEndpoints', () => {
  it('offers no OAuth provider without credentials or emulator; CalDAV (https only by default) always', async () => {
    expect(await resolveProviderEndpoints(parseEnv(base))).toEqual({ caldav: { allowHttp: false, timeoutMs: CALDAV_TIMEOUT_MS } });
  });

  it("uses Google's real endpoints with the admin's OAuth app, and only for the configured provider", async () => {
    const endpoints = await resolveProviderEndpoints(parseEnv({ ...base, ...googleApp }));
    expect(endpoints.microsoft).toBeUndefined();
    expect(endpoints.google).toMatchObject({
      clientId: googleApp.GOOGLE_CLIENT_ID,
      redirectUri: googleApp.GOOGLE_REDIRECT_URI,
      authorizeUrl: 'https://accounts.google.com/o/oauth2/v2/auth',
      calendarRootUrl: 'https://www.googleapis.com/',
    });
  });

  it("points both providers at the emulator with its default clients and local redirect URIs", async () => {
    const info = (await emu.control.info()) as { defaultClients: Record<string, { clientId: string }> };
    const endpoints = await resolveProviderEndpoints(parseEnv({ ...base, CALENDAR_EMULATOR_URL: emu.url }));
    expect(endpoints.google).toMatchObject({
      clientId: info.defaultClients.google!.clientId,
      redirectUri: 'http://localhost:3100/api/v1/integrations/google/callback',
      tokenUrl: `${emu.url}/token`,
      calendarRootUrl: `${emu.url}/`,
    });
    expect(endpoints.microsoft).toMatchObject({
      clientId: info.defaultClients.microsoft!.clientId,
      redirectUri: 'http://localhost:3100/api/v1/integrations/microsoft/callback',
      tenant: 'common',
      authorityOrigin: new URL(emu.httpsUrl).origin,
      browserAuthorityOrigin: new URL(emu.url).origin,
      graphBaseUrl: `${emu.httpsUrl}/`,
      caPem: emu.caPem,
    });
    // CalDAV: http:// is accepted for the emulator's origin alone (CALDAV_ALLOW_HTTP stays off).
    expect(endpoints.caldav).toEqual({ allowHttp: false, timeoutMs: CALDAV_TIMEOUT_MS, emulatorOrigin: new URL(emu.url).origin });
  });

  it("keeps the admin's credentials in emulator mode (a client registered at the emulator)", async () => {
    const endpoints = await resolveProviderEndpoints(parseEnv({ ...base, ...googleApp, CALENDAR_EMULATOR_URL: emu.url }));
    expect(endpoints.google).toMatchObject({ clientId: googleApp.GOOGLE_CLIENT_ID, authorizeUrl: `${emu.url}/o/oauth2/v2/auth` });
  });

  it('fails at boot, naming CALENDAR_EMULATOR_URL, when the emulator cannot be reached', async () => {
    await expect(resolveProviderEndpoints(parseEnv({ ...base, CALENDAR_EMULATOR_URL: 'http://127.0.0.1:9' }))).rejects.toThrow(
      /^CALENDAR_EMULATOR_URL: cannot reach http:\/\/127\.0\.0\.1:9/,
    );
  });
});
