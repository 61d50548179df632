// The API wired to an in-process calendar emulator (CALENDAR_EMULATOR_URL), plus the one
// hop no library does: a browser following the consent URL back to our callback.
import { startEmulator, type EmulatorHandle } from '@fs/calendar-emulator';
import type { CalendarProviderId } from '@fs/contracts';
import { Agent } from 'undici';
import { startTestApp, type TestApp, type TestAppOptions } from './test-app';

export interface EmulatedTestApp extends TestApp {
  emu: EmulatorHandle;
  /** GET /integrations/:provider/auth as `email`; the consent URL it returned. */
  consentUrl(email: string, provider?: CalendarProviderId): Promise<URL>;
  /** What the browser does on the consent page: the redirect back to our callback. */
  followConsent(url: URL): Promise<URL>;
  /** Our callback, as the browser reaches it: the Location it answers. */
  callback(redirect: URL): Promise<URL>;
  /** The whole connect flow for `email`; resolves with where the PWA is sent. */
  connect(email: string, provider?: CalendarProviderId): Promise<URL>;
}

export async function startEmulatedTestApp(env: Record<string, string | undefined> = {}, options: TestAppOptions = {}): Promise<EmulatedTestApp> {
  const emu = await startEmulator({ port: 0, httpsPort: 0, quiet: true });
  const base = await startTestApp({ CALENDAR_EMULATOR_URL: emu.url, ...env }, options);
  // The Microsoft consent page may be on the emulator's HTTPS origin: trust its CA here only.
  const dispatcher = new Agent({ connect: { ca: emu.caPem } });
  const app: EmulatedTestApp = {
    ...base,
    emu,
    async consentUrl(email, provider = 'google') {
      const response = await base.http
        .get(`/api/v1/integrations/${provider}/auth`)
        .set('Authorization', `Bearer ${await base.tokenFor(email)}`);
      if (response.status !== 200) throw new Error(`auth answered ${response.status}: ${JSON.stringify(response.body)}`);
      return new URL(response.body.url);
    },
    async followConsent(url) {
      const response = await fetch(url, { redirect: 'manual', dispatcher } as RequestInit);
      const location = response.headers.get('location');
      if (!location) throw new Error(`consent page answered ${response.status} without a redirect`);
      return new URL(location);
    },
    async callback(redirect) {
      const response = await base.http.get(`${redirect.pathname}${redirect.search}`);
      if (response.status !== 302) throw new Error(`callback answered ${response.status}: ${response.text}`);
      return new URL(response.headers.location!);
    },
    async connect(email, provider = 'google') {
      return app.callback(await app.followConsent(await app.consentUrl(email, provider)));
    },
    async close() {
      await base.close();
      await dispatcher.close();
      await emu.close();
    },
  };
  return app;
}
