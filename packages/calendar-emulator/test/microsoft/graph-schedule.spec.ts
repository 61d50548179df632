// Conformance: free/busy through POST /me/calendar/getSchedule with the Graph SDK: showAs
// honoured (a `free` event is not busy), deleted events and cancelled occurrences left out,
// recurring series expanded, an unknown address answered with an `error` item.
import { describe, expect, it } from 'vitest';
import type { Client, GraphError } from '@microsoft/microsoft-graph-client';
import { useEmulator } from '../helpers/emulator.js';
import { signIn } from './support.js';

const emu = useEmulator();
type Info = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any -- Graph JSON asserted field by field
const at = (h: number, m = 0) => `2026-03-02T${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}:00`;
const ev = (subject: string, from: number, to: number, extra: Record<string, unknown> = {}) => ({
  subject, start: { dateTime: at(from), timeZone: 'UTC' }, end: { dateTime: at(to), timeZone: 'UTC' }, ...extra,
});
/** 08:00-12:00 UTC in hour slots: four digits. */
const schedule = async (graph: Client, schedules = ['alice@example.com'], prefer?: string): Promise<Info[]> => {
  const req = graph.api('/me/calendar/getSchedule');
  if (prefer) req.header('Prefer', prefer);
  return (await req.post({ schedules, startTime: { dateTime: at(8), timeZone: 'UTC' }, endTime: { dateTime: at(12), timeZone: 'UTC' }, availabilityViewInterval: 60 })).value;
};

describe('getSchedule', () => {
  it('availabilityView: busy 2, tentative 1, oof 3; a `free` event is listed but not busy', async () => {
    const { graph } = await signIn(emu.get());
    await graph.api('/me/events').post(ev('Busy', 8, 9));
    await graph.api('/me/events').post(ev('Maybe', 9, 10, { showAs: 'tentative' }));
    await graph.api('/me/events').post(ev('Lunch reminder', 10, 11, { showAs: 'free' }));
    await graph.api('/me/events').post(ev('Away', 11, 12, { showAs: 'oof' }));
    const [alice] = await schedule(graph);
    expect(alice.scheduleId).toBe('alice@example.com');
    expect(alice.availabilityView).toBe('2103');
    expect(alice.scheduleItems.map((i: Info) => [i.status, i.start.dateTime])).toEqual([
      ['busy', '2026-03-02T08:00:00.0000000'], ['tentative', '2026-03-02T09:00:00.0000000'],
      ['free', '2026-03-02T10:00:00.0000000'], ['oof', '2026-03-02T11:00:00.0000000'],
    ]);
  });

  it('the strongest status wins a slot; deleted events are free again; other calendars do not count', async () => {
    const { graph } = await signIn(emu.get());
    await graph.api('/me/events').post(ev('Maybe', 8, 10, { showAs: 'tentative' }));
    await graph.api('/me/events').post({ ...ev('Busy half hour', 9, 9), end: { dateTime: at(9, 30), timeZone: 'UTC' } });
    const gone = await graph.api('/me/events').post(ev('Cancelled', 10, 11));
    await graph.api(`/me/events/${gone.id}`).delete();
    const cals = (await graph.api('/me/calendars').get()).value as Info[];
    await graph.api(`/me/calendars/${cals.find((c) => c.name === 'Interventions')!.id}/events`).post(ev('Elsewhere', 11, 12));
    expect((await schedule(graph))[0].availabilityView).toBe('1200');
  });

  it('expands recurring series and leaves a cancelled occurrence out', async () => {
    const { graph } = await signIn(emu.get());
    await graph.api('/me/events').post({
      ...ev('Standup', 9, 10), recurrence: { pattern: { type: 'daily', interval: 1 }, range: { type: 'numbered', startDate: '2026-03-01', numberOfOccurrences: 5 } },
    });
    const day = async () => (await graph.api('/me/calendar/getSchedule').post({
      schedules: ['alice@example.com'], startTime: { dateTime: '2026-03-01T00:00:00', timeZone: 'UTC' }, endTime: { dateTime: '2026-03-04T00:00:00', timeZone: 'UTC' }, availabilityViewInterval: 1440,
    })).value[0] as Info;
    const before = await day();
    expect(before.availabilityView).toBe('222');
    expect(before.scheduleItems.every((i: Info) => i.isRecurring)).toBe(true);
    const occurrences = (await graph.api('/me/calendarView').query({ startDateTime: '2026-03-02T00:00:00Z', endDateTime: '2026-03-03T00:00:00Z' }).get()).value as Info[];
    await graph.api(`/me/events/${occurrences[0].id}/cancel`).post({});
    expect((await day()).availabilityView).toBe('202');
  });

  it('another person shows times and status only; an unknown address gets an error item', async () => {
    const e = emu.get();
    const { graph: bob } = await signIn(e, 'bob@example.com');
    await bob.api('/me/events').post(ev('Bob private meeting', 8, 9));
    const { graph } = await signIn(e);
    const [b, x] = await schedule(graph, ['bob@example.com', 'nobody@fabrikam.com'], 'outlook.timezone="Europe/Paris"');
    expect(b.availabilityView).toBe('2000');
    expect(b.scheduleItems[0]).toMatchObject({ status: 'busy', start: { dateTime: '2026-03-02T09:00:00.0000000', timeZone: 'Europe/Paris' } });
    expect(b.scheduleItems[0].subject).toBeUndefined();
    expect(x).toMatchObject({ scheduleId: 'nobody@fabrikam.com', availabilityView: '', scheduleItems: [], error: { responseCode: 'ErrorMailRecipientNotFound' } });
  });

  it('refuses a missing schedules list or an interval outside 5..1440 (400)', async () => {
    const { graph } = await signIn(emu.get());
    const body = { schedules: ['alice@example.com'], startTime: { dateTime: at(8), timeZone: 'UTC' }, endTime: { dateTime: at(12), timeZone: 'UTC' } };
    for (const bad of [{ ...body, schedules: [] }, { ...body, availabilityViewInterval: 2 }]) {
      const err = await graph.api('/me/calendar/getSchedule').post(bad).catch((x: GraphError) => x);
      expect((err as GraphError).statusCode).toBe(400);
    }
  });
});
