// Shared steps of the calendar sync tests: connect with a calendar, run the worker until
// the outbox has nothing due, and read what the emulator's calendars hold.
import type { CalendarProviderId } from '@fs/contracts';
import { SyncWorker } from '../../src/integrations/sync/sync-worker';
import type { EmulatedTestApp } from './calendar-emulator';

export function syncHelpers(t: () => EmulatedTestApp) {
  const auth = async (email: string) => `Bearer ${await t().tokenFor(email)}`;
  return {
    auth,
    /** Connects through the HTTP consent flow and targets the account's "Interventions" calendar; the settings answer. */
    async connectWithCalendar(email: string, provider: CalendarProviderId) {
      await t().connect(email, provider);
      const { body: calendars } = await t().http.get(`/api/v1/integrations/${provider}/calendars`).set('Authorization', await auth(email)).expect(200);
      const calendarId = calendars.find((c: { name: string }) => c.name === 'Interventions').id as string;
      const { body } = await t().http.post(`/api/v1/integrations/${provider}/settings`).set('Authorization', await auth(email)).send({ calendarId }).expect(200);
      return { calendarId, settings: body };
    },
    /** Runs the worker until the outbox has nothing due. */
    async drain(): Promise<void> {
      const worker = t().app.get(SyncWorker);
      for (let i = 0; i < 50 && (await worker.runOnce()) > 0; i++);
    },
    async liveEvents(calendarId: string) {
      const { events } = await t().emu.control.state();
      return events.filter((e) => e.calendarId === calendarId && !e.deleted);
    },
    async integration(email: string, provider: CalendarProviderId) {
      const { body } = await t().http.get('/api/v1/integrations').set('Authorization', await auth(email)).expect(200);
      return body.find((i: { provider: string }) => i.provider === provider);
    },
    async grantRevokedAtProvider(email: string, provider: CalendarProviderId): Promise<boolean> {
      const state = (await t().emu.control.state()) as unknown as { grants: { provider: string; email: string; revoked: boolean }[] };
      const grants = state.grants.filter((g) => g.provider === provider && g.email === email);
      return grants.length > 0 && grants.every((g) => g.revoked);
    },
  };
}
