// Conformance: calendarView delta through @microsoft/microsoft-graph-client.
import { describe, expect, it } from 'vitest';
import { PageIterator, type Client, type GraphError } from '@microsoft/microsoft-graph-client';
import { useEmulator } from '../helpers/emulator.js';
import { signIn } from './support.js';

const emu = useEmulator();
const WINDOW = { startDateTime: '2026-03-01T00:00:00Z', endDateTime: '2026-04-01T00:00:00Z' };
const at = (day: number, subject = `day ${day}`) => ({
  subject,
  start: { dateTime: `2026-03-${String(day).padStart(2, '0')}T09:00:00`, timeZone: 'UTC' },
  end: { dateTime: `2026-03-${String(day).padStart(2, '0')}T10:00:00`, timeZone: 'UTC' },
});

interface Page { value: Array<Record<string, unknown>>; '@odata.nextLink'?: string; '@odata.deltaLink'?: string }

/** Follows nextLinks to the end of a round, resending Prefer as a client must. */
async function round(graph: Client, first: string | null, prefer = 'odata.maxpagesize=2'): Promise<{ pages: Page[]; deltaLink: string }> {
  const pages: Page[] = [];
  let page: Page = first
    ? await graph.api(first).header('Prefer', prefer).get()
    : await graph.api('/me/calendarView/delta').query(WINDOW).header('Prefer', prefer).get();
  pages.push(page);
  while (page['@odata.nextLink']) {
    page = await graph.api(page['@odata.nextLink']).header('Prefer', prefer).get();
    pages.push(page);
  }
  return { pages, deltaLink: page['@odata.deltaLink'] as string };
}
const items = (pages: Page[]) => pages.flatMap((p) => p.value);

async function graphError(p: Promise<unknown>): Promise<GraphError> {
  try { await p; } catch (e) { return e as GraphError; }
  throw new Error('expected a Graph error');
}

describe('calendarView/delta', () => {
  it('first round pages with nextLink (maxpagesize) and ends with a deltaLink', async () => {
    const { graph } = await signIn(emu.get());
    for (const d of [2, 3, 4, 5, 6]) await graph.api('/me/events').post(at(d));
    const { pages, deltaLink } = await round(graph, null);
    expect(pages.length).toBe(3);
    expect(pages.every((p) => p.value.length <= 2)).toBe(true);
    expect(items(pages).map((e) => e.subject).sort()).toEqual(['day 2', 'day 3', 'day 4', 'day 5', 'day 6']);
    expect(deltaLink).toContain('$deltatoken=');
    expect(pages[0]['@odata.nextLink']).toContain('$skiptoken=');
  });

  it('only events inside the window are listed in the first round', async () => {
    const { graph } = await signIn(emu.get());
    await graph.api('/me/events').post(at(10, 'inside'));
    await graph.api('/me/events').post({ ...at(10, 'outside'), start: { dateTime: '2026-05-01T09:00:00', timeZone: 'UTC' }, end: { dateTime: '2026-05-01T10:00:00', timeZone: 'UTC' } });
    const { pages } = await round(graph, null);
    expect(items(pages).map((e) => e.subject)).toEqual(['inside']);
  });

  it('the next round returns only changes: updates in full, deletions as @removed', async () => {
    const { graph } = await signIn(emu.get());
    const a = await graph.api('/me/events').post(at(2, 'a'));
    const b = await graph.api('/me/events').post(at(3, 'b'));
    await graph.api('/me/events').post(at(4, 'c'));
    const first = await round(graph, null);
    await graph.api(`/me/events/${a.id}`).patch({ subject: 'a2' });
    await graph.api(`/me/events/${b.id}`).delete();
    const second = await round(graph, first.deltaLink);
    const got = items(second.pages);
    expect(got.find((e) => e.id === a.id)?.subject).toBe('a2');
    expect(got.find((e) => e.id === b.id)).toEqual({ '@odata.type': '#microsoft.graph.event', id: b.id, '@removed': { reason: 'deleted' } });
    expect(got).toHaveLength(2);
  });

  it('an event moved out of the window is reported as @removed', async () => {
    const { graph } = await signIn(emu.get());
    const a = await graph.api('/me/events').post(at(2, 'a'));
    const first = await round(graph, null);
    await graph.api(`/me/events/${a.id}`).patch({ start: { dateTime: '2026-06-01T09:00:00', timeZone: 'UTC' }, end: { dateTime: '2026-06-01T10:00:00', timeZone: 'UTC' } });
    const got = items((await round(graph, first.deltaLink)).pages);
    expect(got).toEqual([{ '@odata.type': '#microsoft.graph.event', id: a.id, '@removed': { reason: 'deleted' } }]);
  });

  it('the SDK PageIterator walks the nextLinks and exposes the deltaLink', async () => {
    const { graph } = await signIn(emu.get());
    for (const d of [2, 3, 4]) await graph.api('/me/events').post(at(d));
    const firstPage = await graph.api('/me/calendarView/delta').query(WINDOW).header('Prefer', 'odata.maxpagesize=1').get();
    const seen: string[] = [];
    const it = new PageIterator(graph, firstPage, (e: { subject: string }) => { seen.push(e.subject); return true; }, { headers: { Prefer: 'odata.maxpagesize=1' } });
    await it.iterate();
    expect(seen.sort()).toEqual(['day 2', 'day 3', 'day 4']);
    expect(it.getDeltaLink()).toContain('$deltatoken=');
  });

  it('per-calendar delta covers only that calendar', async () => {
    const { graph } = await signIn(emu.get());
    const cals = (await graph.api('/me/calendars').get()).value as Array<{ id: string; name: string }>;
    const interventions = cals.find((c) => c.name === 'Interventions')!;
    await graph.api('/me/events').post(at(2, 'primary'));
    await graph.api(`/me/calendars/${interventions.id}/events`).post(at(3, 'job'));
    const page = await graph.api(`/me/calendars/${interventions.id}/calendarView/delta`).query(WINDOW).get();
    expect(page.value.map((e: { subject: string }) => e.subject)).toEqual(['job']);
  });

  it('Prefer: outlook.timezone applies to delta items; UTC otherwise', async () => {
    const { graph } = await signIn(emu.get());
    await graph.api('/me/events').post(at(2));
    const utc = await graph.api('/me/calendarView/delta').query(WINDOW).get();
    expect(utc.value[0].start).toEqual({ dateTime: '2026-03-02T09:00:00.0000000', timeZone: 'UTC' });
    const paris = await graph.api('/me/calendarView/delta').query(WINDOW).header('Prefer', 'outlook.timezone="Europe/Paris"').get();
    expect(paris.value[0].start).toEqual({ dateTime: '2026-03-02T10:00:00.0000000', timeZone: 'Europe/Paris' });
  });

  it('rejects $select / $filter / $expand / $orderby with 400', async () => {
    const { graph } = await signIn(emu.get());
    for (const [k, v] of [['$select', 'subject'], ['$filter', "subject eq 'x'"], ['$expand', 'attachments'], ['$orderby', 'start/dateTime']]) {
      const err = await graphError(graph.api('/me/calendarView/delta').query({ ...WINDOW, [k]: v }).get());
      expect(err.statusCode).toBe(400);
    }
  });

  it('requires startDateTime and endDateTime on the first call', async () => {
    const { graph } = await signIn(emu.get());
    const err = await graphError(graph.api('/me/calendarView/delta').get());
    expect(err.statusCode).toBe(400);
  });

  it('an invalidated delta token answers 410 with a Location to restart from', async () => {
    const e = emu.get();
    const { graph } = await signIn(e);
    const { deltaLink } = await round(graph, null);
    await e.control.call('POST', 'microsoft/delta/invalidate', {});
    const err = await graphError(graph.api(deltaLink).get());
    expect(err.statusCode).toBe(410);
    const location = err.headers?.get('location') ?? '';
    expect(location).toContain('$deltatoken=');
    expect(location).toContain('startDateTime=2026-03-01');
  });
});

describe('calendarView/delta with random page sizes', () => {
  it('pages vary in size (seeded) but a round still returns every event once', async () => {
    const e = emu.get();
    const { graph } = await signIn(e);
    await e.control.call('POST', 'microsoft/settings', { randomPageSizes: true });
    for (let d = 2; d <= 13; d++) await graph.api('/me/events').post(at(d));
    const { pages } = await round(graph, null, 'odata.maxpagesize=4');
    expect(new Set(pages.map((p) => p.value.length)).size).toBeGreaterThan(1);
    expect(pages.every((p) => p.value.length <= 4)).toBe(true);
    expect(new Set(items(pages).map((x) => x.id)).size).toBe(12);
    expect(items(pages)).toHaveLength(12);
  });
});

describe('calendarView/delta replays', () => {
  it('with deltaReplays an entity can appear twice in a round; merging by id gives each event once', async () => {
    const e = emu.get();
    const { graph } = await signIn(e);
    await e.control.call('POST', 'microsoft/settings', { deltaReplays: true });
    for (let d = 2; d <= 13; d++) await graph.api('/me/events').post(at(d));
    const got = items((await round(graph, null)).pages);
    expect(got.length).toBeGreaterThan(12);
    expect(new Set(got.map((x) => x.id)).size).toBe(12);
  });
});
