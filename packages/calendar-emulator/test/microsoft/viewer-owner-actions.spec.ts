// The viewer's Outlook-owner buttons: rendered on writable Outlook events with what their
// script sends, and that request (move +1 h, as the script builds it) is accepted.
import { describe, expect, it } from 'vitest';
import { useEmulator } from '../helpers/emulator.js';
import { signIn } from './support.js';

const emu = useEmulator();

describe('viewer: Outlook owner buttons', () => {
  it('shows move / edit subject / delete on an Outlook event, and the move request they send works', async () => {
    const e = emu.get();
    const { graph } = await signIn(e);
    const ev = await graph.api('/me/events').post({ subject: 'Gutter <check>', start: { dateTime: '2026-03-02T09:00:00', timeZone: 'UTC' }, end: { dateTime: '2026-03-02T10:00:00', timeZone: 'UTC' } });
    const html = await (await fetch(`${e.url}/`)).text();
    expect(html).toContain('<th>Outlook owner</th>');
    for (const action of ['move', 'rename', 'delete']) expect(html).toContain(`data-ms-owner="${action}"`);
    expect(html).toContain('aria-label="Move one hour later &#39;Gutter &lt;check&gt;&#39; as alice@example.com in Outlook"');
    const button = /<button type="button" data-ms-owner="move" data-id="([^"]+)" data-email="([^"]+)" data-start="([^"]+)" data-end="([^"]+)"/.exec(html)!;
    const [, id, email, start, end] = button;
    const plusHour = (iso: string) => new Date(Date.parse(iso) + 3600_000).toISOString().slice(0, 19);
    const res = await fetch(`${e.url}/_emulator/microsoft/owner/events/${encodeURIComponent(id)}`, {
      method: 'PATCH', headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email, event: { start: { dateTime: plusHour(start), timeZone: 'UTC' }, end: { dateTime: plusHour(end), timeZone: 'UTC' } } }),
    });
    expect(res.status).toBe(200);
    expect((await graph.api(`/me/events/${ev.id}`).get()).start.dateTime).toBe('2026-03-02T10:00:00.0000000');
  });

  it('shows no buttons on read-only calendars or deleted events', async () => {
    const e = emu.get();
    const calendars = (await e.control.state()).calendars as Array<{ provider: string; ownerEmail: string; name: string; id: string }>;
    const holidays = calendars.find((c) => c.provider === 'microsoft' && c.ownerEmail === 'alice@example.com' && c.name === 'Holidays')!;
    await e.control.call('POST', 'microsoft/events', { email: 'alice@example.com', calendarId: holidays.id, event: { subject: 'Easter', start: { dateTime: '2026-04-06T00:00:00', timeZone: 'UTC' }, end: { dateTime: '2026-04-07T00:00:00', timeZone: 'UTC' } } });
    await e.control.call('POST', 'microsoft/events', { email: 'alice@example.com', event: { subject: 'x', start: { dateTime: '2026-03-02T09:00:00', timeZone: 'UTC' }, end: { dateTime: '2026-03-02T10:00:00', timeZone: 'UTC' } } });
    const html = await (await fetch(`${e.url}/`)).text();
    expect(html.match(/data-ms-owner="move"/g)).toHaveLength(1);
    const { graph } = await signIn(e);
    const list = (await graph.api('/me/events').get()).value as Array<{ id: string; subject: string }>;
    await graph.api(`/me/events/${list.find((x) => x.subject === 'x')!.id}`).delete();
    expect((await (await fetch(`${e.url}/`)).text()).match(/data-ms-owner="move"/g)).toBeNull();
  });
});
