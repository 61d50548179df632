// The viewer page shows what a client wrote (a person watching sync relies on it).
import { describe, expect, it } from 'vitest';
import { useEmulator } from '../helpers/emulator.js';
import { calendarApi, connectGoogle } from '../helpers/google.js';

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
});
