// Steps of the org-wide connection tests: the admin connects the company (Microsoft: the
// admin-consent round trip through the emulator), lists the technicians, and what each
// technician's calendars hold.
import { Agent } from 'undici';
import type { EmulatedTestApp } from './calendar-emulator';

export function organisationHelpers(t: () => EmulatedTestApp) {
  const admin = async () => `Bearer ${await t().tokenFor('admin@example.com')}`;
  return {
    admin,
    /** GET consent as the admin, the browser on Microsoft's page, back to our callback: where the PWA is sent. */
    async connectMicrosoft(): Promise<URL> {
      const { body } = await t().http.get('/api/v1/admin/organisation-connections/microsoft/consent').set('Authorization', await admin()).expect(200);
      const dispatcher = new Agent({ connect: { ca: t().emu.caPem } });
      const consent = await fetch(body.url, { redirect: 'manual', dispatcher } as RequestInit);
      const back = new URL(consent.headers.get('location')!);
      const callback = await t().http.get(`${back.pathname}${back.search}`).expect(302);
      await dispatcher.close();
      return new URL(callback.headers.location!);
    },
    async connections() {
      return (await t().http.get('/api/v1/admin/organisation-connections').set('Authorization', await admin()).expect(200)).body as {
        provider: string; status: string; tenant: string | null; lastError: string | null;
      }[];
    },
    async technicians(provider: 'microsoft' | 'google') {
      const { body } = await t().http.get(`/api/v1/admin/organisation-connections/${provider}/technicians`).set('Authorization', await admin()).expect(200);
      return Object.fromEntries((body as { email: string; state: string }[]).map((m) => [m.email, m.state]));
    },
    /** Live events of every calendar of `email` at the provider, by calendar name. */
    async eventsOf(provider: 'microsoft' | 'google', email: string) {
      const state = (await t().emu.control.state()) as unknown as {
        calendars: { id: string; provider: string; ownerEmail: string; name: string }[];
        events: { provider: string; calendarId: string; deleted: boolean; body: Record<string, unknown> }[];
      };
      const calendars = state.calendars.filter((c) => c.provider === provider && c.ownerEmail === email);
      return state.events
        .filter((e) => e.provider === provider && !e.deleted && calendars.some((c) => c.id === e.calendarId))
        .map((e) => ({ calendar: calendars.find((c) => c.id === e.calendarId)!.name, subject: String(e.body.subject ?? e.body.summary ?? '') }));
    },
  };
}
