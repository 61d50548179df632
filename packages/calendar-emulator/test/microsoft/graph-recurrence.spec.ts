// Conformance: recurring events through @microsoft/microsoft-graph-client: a series master
// expanded in calendarView and /instances (occurrence / exception, seriesMasterId,
// originalStart), one occurrence cancelled or moved, and how delta reports them.
import { describe, expect, it } from 'vitest';
import type { Client, GraphError } from '@microsoft/microsoft-graph-client';
import { useEmulator } from '../helpers/emulator.js';
import { signIn } from './support.js';

const emu = useEmulator();
type Ev = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any -- Graph JSON asserted field by field
const MARCH = { startDateTime: '2026-03-01T00:00:00Z', endDateTime: '2026-05-01T00:00:00Z' };
const PARIS = 'outlook.timezone="Europe/Paris"';

/** Mondays 09:00-10:00 Paris time, four of them, across the DST change of 29 March 2026. */
const weekly = (subject = 'Weekly check') => ({
  subject,
  start: { dateTime: '2026-03-16T09:00:00', timeZone: 'Romance Standard Time' },
  end: { dateTime: '2026-03-16T10:00:00', timeZone: 'Romance Standard Time' },
  recurrence: {
    pattern: { type: 'weekly', interval: 1, daysOfWeek: ['monday'] },
    range: { type: 'numbered', startDate: '2026-03-16', numberOfOccurrences: 4 },
  },
});

async function graphError(p: Promise<unknown>): Promise<GraphError> {
  try { await p; } catch (e) { return e as GraphError; }
  throw new Error('expected a Graph error');
}
const view = async (graph: Client, prefer = PARIS): Promise<Ev[]> => (await graph.api('/me/calendarView').query(MARCH).header('Prefer', prefer).get()).value;

async function deltaRound(graph: Client, link?: string): Promise<{ items: Ev[]; deltaLink: string }> {
  let page: Ev = link ? await graph.api(link).get() : await graph.api('/me/calendarView/delta').query(MARCH).header('Prefer', 'odata.maxpagesize=2').get();
  const items: Ev[] = [...page.value];
  while (page['@odata.nextLink']) {
    page = await graph.api(page['@odata.nextLink']).header('Prefer', 'odata.maxpagesize=2').get();
    items.push(...page.value);
  }
  return { items, deltaLink: page['@odata.deltaLink'] };
}

describe('recurring series', () => {
  it('creates a seriesMaster that echoes its recurrence; /events lists the master, not occurrences', async () => {
    const { graph } = await signIn(emu.get());
    const master = await graph.api('/me/events').post(weekly());
    expect(master.type).toBe('seriesMaster');
    expect(master.recurrence.pattern).toMatchObject({ type: 'weekly', interval: 1, daysOfWeek: ['monday'], firstDayOfWeek: 'sunday' });
    expect(master.recurrence.range).toMatchObject({ type: 'numbered', startDate: '2026-03-16', numberOfOccurrences: 4 });
    const list = (await graph.api('/me/events').get()).value as Ev[];
    expect(list.map((e) => e.type)).toEqual(['seriesMaster']);
  });

  it('calendarView expands occurrences in the series zone: 09:00 Paris on both sides of DST', async () => {
    const { graph } = await signIn(emu.get());
    const master = await graph.api('/me/events').post(weekly());
    const paris = await view(graph);
    expect(paris.map((e) => e.start.dateTime)).toEqual(['2026-03-16T09:00:00.0000000', '2026-03-23T09:00:00.0000000', '2026-03-30T09:00:00.0000000', '2026-04-06T09:00:00.0000000']);
    expect(paris.every((e) => e.type === 'occurrence' && e.seriesMasterId === master.id)).toBe(true);
    const utc = await view(graph, 'outlook.timezone="UTC"');
    expect(utc.map((e) => e.start.dateTime.slice(11, 16))).toEqual(['08:00', '08:00', '07:00', '07:00']);
    expect(utc[0].originalStart).toBe('2026-03-16T08:00:00Z');
    expect(new Set(utc.map((e) => e.id)).size).toBe(4);
  });

  it('/instances lists the occurrences in the window (both bounds required)', async () => {
    const { graph } = await signIn(emu.get());
    const master = await graph.api('/me/events').post(weekly());
    const inst = (await graph.api(`/me/events/${master.id}/instances`).query({ startDateTime: '2026-03-20T00:00:00Z', endDateTime: '2026-04-01T00:00:00Z' }).get()).value as Ev[];
    expect(inst.map((e) => e.start.dateTime)).toEqual(['2026-03-23T08:00:00.0000000', '2026-03-30T07:00:00.0000000']);
    expect((await graphError(graph.api(`/me/events/${master.id}/instances`).get())).statusCode).toBe(400);
  });

  it('a cancelled occurrence (POST cancel) and a deleted one disappear from calendarView; the id is then 404', async () => {
    const { graph } = await signIn(emu.get());
    await graph.api('/me/events').post(weekly());
    const [first, second] = await view(graph);
    await graph.api(`/me/events/${second.id}/cancel`).post({ comment: 'not this week' });
    await graph.api(`/me/events/${first.id}`).delete();
    const left = await view(graph);
    expect(left.map((e) => e.start.dateTime)).toEqual(['2026-03-30T09:00:00.0000000', '2026-04-06T09:00:00.0000000']);
    expect((await graphError(graph.api(`/me/events/${second.id}`).get())).statusCode).toBe(404);
  });

  it('PATCH on an occurrence makes it an exception; the other occurrences keep the series times', async () => {
    const { graph } = await signIn(emu.get());
    const master = await graph.api('/me/events').post(weekly());
    const occ = (await view(graph))[1];
    const moved = await graph.api(`/me/events/${occ.id}`).header('Prefer', PARIS).patch({
      subject: 'Moved once', start: { dateTime: '2026-03-24T14:00:00', timeZone: 'Europe/Paris' }, end: { dateTime: '2026-03-24T15:00:00', timeZone: 'Europe/Paris' },
    });
    expect(moved).toMatchObject({ id: occ.id, type: 'exception', seriesMasterId: master.id, subject: 'Moved once' });
    expect(moved['@odata.etag']).not.toBe(occ['@odata.etag']);
    const after = await view(graph);
    expect(after.map((e) => [e.type, e.start.dateTime])).toEqual([
      ['occurrence', '2026-03-16T09:00:00.0000000'], ['exception', '2026-03-24T14:00:00.0000000'],
      ['occurrence', '2026-03-30T09:00:00.0000000'], ['occurrence', '2026-04-06T09:00:00.0000000'],
    ]);
    const err = await graphError(graph.api(`/me/events/${occ.id}`).patch({ recurrence: null }));
    expect(err.statusCode).toBe(400);
  });

  it('delta lists instances (never the master); a cancelled occurrence comes back as @removed, a moved one in full', async () => {
    const { graph } = await signIn(emu.get());
    await graph.api('/me/events').post(weekly());
    const first = await deltaRound(graph);
    expect(first.items.map((e) => e.type)).toEqual(['occurrence', 'occurrence', 'occurrence', 'occurrence']);
    const [a, b] = first.items.sort((x, y) => x.start.dateTime.localeCompare(y.start.dateTime));
    await graph.api(`/me/events/${a.id}`).delete();
    await graph.api(`/me/events/${b.id}`).patch({ subject: 'Exception' });
    const second = await deltaRound(graph, first.deltaLink);
    expect(second.items).toHaveLength(2);
    expect(second.items.find((e) => e.id === a.id)).toEqual({ '@odata.type': '#microsoft.graph.event', id: a.id, '@removed': { reason: 'deleted' } });
    expect(second.items.find((e) => e.id === b.id)).toMatchObject({ type: 'exception', subject: 'Exception' });
  });

  it('a series-level edit re-sends every instance; deleting the series removes them all', async () => {
    const { graph } = await signIn(emu.get());
    const master = await graph.api('/me/events').post(weekly());
    const first = await deltaRound(graph);
    await graph.api(`/me/events/${master.id}`).patch({ subject: 'Renamed' });
    const second = await deltaRound(graph, first.deltaLink);
    expect(second.items.map((e) => e.subject)).toEqual(['Renamed', 'Renamed', 'Renamed', 'Renamed']);
    await graph.api(`/me/events/${master.id}`).delete();
    const third = await deltaRound(graph, second.deltaLink);
    expect(third.items.filter((e) => e['@removed'])).toHaveLength(4);
  });

  it('a shorter pattern removes the occurrences it drops; a series turned single removes them all', async () => {
    const { graph } = await signIn(emu.get());
    const master = await graph.api('/me/events').post(weekly());
    const first = await deltaRound(graph);
    const ids = first.items.sort((x, y) => x.start.dateTime.localeCompare(y.start.dateTime)).map((e) => e.id);
    await graph.api(`/me/events/${master.id}`).patch({ recurrence: { ...weekly().recurrence, range: { type: 'numbered', startDate: '2026-03-16', numberOfOccurrences: 2 } } });
    const second = await deltaRound(graph, first.deltaLink);
    expect(second.items.filter((e) => e['@removed']).map((e) => e.id).sort()).toEqual([ids[2], ids[3]].sort());
    expect(second.items.filter((e) => !e['@removed']).map((e) => e.id).sort()).toEqual([ids[0], ids[1]].sort());
    await graph.api(`/me/events/${master.id}`).patch({ recurrence: null });
    const third = await deltaRound(graph, second.deltaLink);
    expect(third.items.find((e) => e.id === master.id)).toMatchObject({ type: 'singleInstance' });
    expect(third.items.filter((e) => e['@removed']).map((e) => e.id)).toEqual(expect.arrayContaining([ids[0], ids[1]]));
  });

  it('refuses a pattern without its required fields (400)', async () => {
    const { graph } = await signIn(emu.get());
    const body = { ...weekly(), recurrence: { pattern: { type: 'weekly', interval: 1 }, range: { type: 'noEnd', startDate: '2026-03-16' } } };
    const err = await graphError(graph.api('/me/events').post(body));
    expect(err.statusCode).toBe(400);
  });
});
