// The viewer page shows what a client wrote (a person watching sync relies on it).
import { describe, expect, it } from 'vitest';
import { useEmulator } from '../helpers/emulator.js';
import { calendarApi, connectGoogle } from '../helpers/google.js';
import { signIn } from '../microsoft/support.js';

const emu = useEmulator();

describe('viewer page', () => {
  it('lists accounts, calendars and an event created through googleapis, and refreshes itself', async () => {
    const { client } = await connectGoogle(emu.get());
    await calendarApi(emu.get(), client).events.insert({
      calendarId: 'primary',
      requestBody: { summary: 'Boiler <repair>', start: { date: '2026-12-01' }, end: { date: '2026-12-02' } },
    });
    const html = await (await fetch(`${emu.get().url}/`)).text();
    expect(html).toContain('http-equiv="refresh" content="2"');
    expect(html).toContain('alice@example.com');
    expect(html).toContain('Holidays');
    expect(html).toContain('Boiler &lt;repair&gt;');
    expect(html).toContain('events.insert');
  });

  it('shows a Graph event with its subject and UTC start', async () => {
    const { graph } = await signIn(emu.get());
    await graph.api('/me/events').post({
      subject: 'Outlook visit',
      start: { dateTime: '2026-03-02T09:00:00', timeZone: 'UTC' },
      end: { dateTime: '2026-03-02T10:00:00', timeZone: 'UTC' },
    });
    const html = await (await fetch(`${emu.get().url}/`)).text();
    expect(html).toContain('Outlook visit');
    expect(html).toContain('2026-03-02T09:00:00.000Z');
  });
});
