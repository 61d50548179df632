// Conformance: calendarView (range listing) and all-day events through the Graph SDK.
import { describe, expect, it } from 'vitest';
import type { GraphError } from '@microsoft/microsoft-graph-client';
import { useEmulator } from '../helpers/emulator.js';
import { signIn } from './support.js';

const emu = useEmulator();
const WINDOW = { startDateTime: '2026-03-01T00:00:00Z', endDateTime: '2026-04-01T00:00:00Z' };
const at = (date: string, subject: string) => ({
  subject,
  start: { dateTime: `${date}T09:00:00`, timeZone: 'UTC' },
  end: { dateTime: `${date}T10:00:00`, timeZone: 'UTC' },
});
const allDay = (from: string, to: string, extra: Record<string, unknown> = {}) => ({
  subject: 'Holiday', isAllDay: true,
  start: { dateTime: `${from}T00:00:00`, timeZone: 'Romance Standard Time' },
  end: { dateTime: `${to}T00:00:00`, timeZone: 'Romance Standard Time' },
  ...extra,
});

async function graphError(p: Promise<unknown>): Promise<GraphError> {
  try { await p; } catch (e) { return e as GraphError; }
  throw new Error('expected a Graph error');
}

describe('calendarView', () => {
  it('lists events overlapping the window, sorted by start, paged with nextLink', async () => {
    const { graph } = await signIn(emu.get());
    for (const [d, s] of [['2026-03-20', 'c'], ['2026-03-05', 'a'], ['2026-05-01', 'outside'], ['2026-03-10', 'b']]) await graph.api('/me/events').post(at(d, s));
    const first = await graph.api('/me/calendarView').query(WINDOW).top(2).get();
    expect(first.value.map((e: { subject: string }) => e.subject)).toEqual(['a', 'b']);
    const second = await graph.api(first['@odata.nextLink']).get();
    expect(second.value.map((e: { subject: string }) => e.subject)).toEqual(['c']);
    expect(second['@odata.nextLink']).toBeUndefined();
  });

  it('requires startDateTime and endDateTime (400)', async () => {
    const { graph } = await signIn(emu.get());
    expect((await graphError(graph.api('/me/calendarView').get())).statusCode).toBe(400);
  });
});

describe('all-day events', () => {
  it('are midnight to (exclusive) midnight whatever zone the reader prefers', async () => {
    const { graph } = await signIn(emu.get());
    const ev = await graph.api('/me/events').post(allDay('2026-03-02', '2026-03-03'));
    expect(ev.start).toEqual({ dateTime: '2026-03-02T00:00:00.0000000', timeZone: 'UTC' });
    expect(ev.end).toEqual({ dateTime: '2026-03-03T00:00:00.0000000', timeZone: 'UTC' });
    const la = await graph.api(`/me/events/${ev.id}`).header('Prefer', 'outlook.timezone="Pacific Standard Time"').get();
    expect(la.start.dateTime).toBe('2026-03-02T00:00:00.0000000');
  });

  it('an all-day event not at midnight is refused with 400', async () => {
    const { graph } = await signIn(emu.get());
    const bad = allDay('2026-03-02', '2026-03-03', { start: { dateTime: '2026-03-02T08:00:00', timeZone: 'Romance Standard Time' } });
    expect((await graphError(graph.api('/me/events').post(bad))).statusCode).toBe(400);
  });
});
