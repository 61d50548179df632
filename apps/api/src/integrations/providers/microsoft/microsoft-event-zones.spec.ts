// The zone names MicrosoftCalendarProvider writes, checked against the in-process emulator
// (real MSAL and Graph SDK): what Outlook stores is read from the emulator's state, so a
// zone name Graph would not understand, or a wrong instant, fails here.
import { startEmulator, type EmulatorHandle } from '@fs/calendar-emulator';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { CalendarEventInput, ProviderTokens } from '../calendar-provider';
import { MicrosoftCalendarProvider } from './microsoft-calendar.provider';
import { emulatorEndpoints, signIn } from '../../../../test/support/emulated-provider';

const EMAIL = 'alice@example.com';

let emu: EmulatorHandle;
let provider: MicrosoftCalendarProvider;
let tokens: ProviderTokens;
let calendarId: string;

beforeAll(async () => {
  emu = await startEmulator({ port: 0, httpsPort: 0, quiet: true });
  provider = new MicrosoftCalendarProvider((await emulatorEndpoints(emu)).microsoft!);
});

afterAll(async () => {
  await emu?.close();
});

beforeEach(async () => {
  await emu.control.reset();
  tokens = await signIn(provider, EMAIL);
  calendarId = (await provider.listCalendars({ tokens })).find((c) => c.name === 'Interventions')!.id;
});

const event = (startsAt: string, timeZone: string): CalendarEventInput => ({
  syncKey: 'integration-1:intervention-1',
  interventionId: 'intervention-1',
  title: 'Boiler service',
  description: '',
  location: '12 rue de la Paix, 75002 Paris',
  startsAt: new Date(startsAt),
  endsAt: new Date(Date.parse(startsAt) + 3_600_000),
  timeZone,
});

/** The one live Microsoft event in the emulator: the zone Graph kept and the instant it holds. */
async function stored() {
  const state = await emu.control.state();
  const [live] = state.events.filter((e) => e.provider === 'microsoft' && !e.deleted);
  const body = live.body as unknown as { originalStartTimeZone: string; startMs: number };
  return [body.originalStartTimeZone, new Date(body.startMs).toISOString()];
}

describe('Microsoft event time zones, through the emulator', () => {
  it.each([
    ['a zone the old hand-made table had', '2026-07-01T07:00:00.000Z', 'Europe/Paris', 'Romance Standard Time'],
    ['a zone the old table lacked', '2026-01-15T04:30:00.000Z', 'Asia/Kolkata', 'India Standard Time'],
    ['another the old table lacked', '2026-01-15T12:00:00.000Z', 'America/Sao_Paulo', 'E. South America Standard Time'],
    ['a zone the emulator used to refuse (45-minute offset)', '2026-01-15T03:15:00.000Z', 'Asia/Kathmandu', 'Nepal Standard Time'],
    ['a zone without a Windows name, written in UTC', '2026-01-15T16:00:00.000Z', 'America/Ciudad_Juarez', 'UTC'],
    ['the second 02:30 of the Paris fall-back night, written in UTC', '2026-10-25T01:30:00.000Z', 'Europe/Paris', 'UTC'],
  ])('%s (%s in %s) is stored under %s at that instant', async (_case, startsAt, zone, graphZone) => {
    await provider.upsertEvent({ tokens }, calendarId, event(startsAt, zone));
    expect(await stored()).toEqual([graphZone, startsAt]);
  });
});
