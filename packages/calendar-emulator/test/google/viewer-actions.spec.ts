// The viewer's Google owner buttons: each carries the owner control call it makes; doing
// what the page script does with them moves, renames and deletes the event for our client.
import { beforeEach, describe, expect, it } from 'vitest';
import { useEmulator } from '../helpers/emulator.js';
import { calendarApi, connectGoogle } from '../helpers/google.js';

const emu = useEmulator();
let cal: ReturnType<typeof calendarApi>;

beforeEach(async () => {
  const { client } = await connectGoogle(emu.get());
  cal = calendarApi(emu.get(), client);
});

const unescape = (s: string) => s.replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');

/** The buttons of the page as {path, kind, value}, as the page script reads their data attributes. */
async function buttons() {
  const html = await (await fetch(`${emu.get().url}/`)).text();
  expect(html).toContain("closest('button[data-g-path]')");
  return [...html.matchAll(/<button type="button" data-g-path="([^"]+)" data-g-(move|rename|delete)(?:="([^"]*)")?>/g)].map((m) => ({ path: unescape(m[1]!), kind: m[2]!, value: m[3] === undefined ? undefined : unescape(m[3]) }));
}

const click = (path: string, method: string, body?: string) =>
  fetch(`${emu.get().url}/_emulator/google/owner/events/${path}`, { method, ...(body ? { body, headers: { 'content-type': 'application/json' } } : {}) });

describe('viewer owner buttons (Google)', () => {
  it('+1 h, Rename and Delete act on the event through the owner control calls', async () => {
    const ev = (await cal.events.insert({ calendarId: 'primary', requestBody: { summary: 'Boiler', start: { dateTime: '2026-12-01T09:00:00Z' }, end: { dateTime: '2026-12-01T10:00:00Z' } } })).data;
    const mine = (await buttons()).filter((b) => b.path.endsWith(`/${ev.id}`));
    expect(mine.map((b) => b.kind)).toEqual(['move', 'rename', 'delete']);
    expect(mine[0]!.path).toBe(`${encodeURIComponent('alice@example.com')}/${ev.id}`);

    expect((await click(mine[0]!.path, 'PATCH', mine[0]!.value)).status).toBe(200);
    const moved = (await cal.events.get({ calendarId: 'primary', eventId: ev.id! })).data;
    expect([Date.parse(moved.start!.dateTime!), Date.parse(moved.end!.dateTime!)]).toEqual([Date.parse('2026-12-01T10:00:00Z'), Date.parse('2026-12-01T11:00:00Z')]);

    expect(mine[1]!.value).toBe('Boiler');
    expect((await click(mine[1]!.path, 'PATCH', JSON.stringify({ summary: 'Boiler (Alice)' }))).status).toBe(200);
    expect((await cal.events.get({ calendarId: 'primary', eventId: ev.id! })).data.summary).toBe('Boiler (Alice)');

    expect((await click(mine[2]!.path, 'DELETE')).status).toBe(204);
    expect((await cal.events.get({ calendarId: 'primary', eventId: ev.id! })).data.status).toBe('cancelled');
    expect((await buttons()).filter((b) => b.path.endsWith(`/${ev.id}`))).toEqual([]);
  });

  it('an all-day event moves by a day', async () => {
    const ev = (await cal.events.insert({ calendarId: 'primary', requestBody: { start: { date: '2026-12-01' }, end: { date: '2026-12-02' } } })).data;
    const move = (await buttons()).find((b) => b.path.endsWith(`/${ev.id}`) && b.kind === 'move')!;
    expect(JSON.parse(move.value!)).toEqual({ start: { date: '2026-12-02' }, end: { date: '2026-12-03' } });
  });
});
