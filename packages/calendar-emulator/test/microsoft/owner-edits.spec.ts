// Conformance: the account owner edits their own calendar "in Outlook" (control API), and our
// app sees it exactly as it would on Graph: new @odata.etag / changeKey / lastModifiedDateTime,
// the change in the next delta page, a change notification, and 412 on a stale If-Match.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Client, GraphError } from '@microsoft/microsoft-graph-client';
import { useEmulator } from '../helpers/emulator.js';
import { signIn } from './support.js';
import { startReceiver, until, type Receiver } from './webhook-receiver.js';

const emu = useEmulator();
let rx: Receiver;
beforeAll(async () => { rx = await startReceiver(); });
afterAll(() => rx.close());
beforeEach(() => rx.reset());

type Ev = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any -- Graph JSON asserted field by field
const WINDOW = { startDateTime: '2026-03-01T00:00:00Z', endDateTime: '2026-04-01T00:00:00Z' };
const slot = (subject: string, hour = 9) => ({
  subject,
  start: { dateTime: `2026-03-02T${String(hour).padStart(2, '0')}:00:00`, timeZone: 'UTC' },
  end: { dateTime: `2026-03-02T${String(hour + 1).padStart(2, '0')}:00:00`, timeZone: 'UTC' },
});
const owner = (method: string, path: string, body?: unknown) => emu.get().control.call(method, `microsoft/owner/events${path}`, body) as Promise<Ev>;

async function deltaRound(graph: Client, link?: string): Promise<{ items: Ev[]; deltaLink: string }> {
  let page: Ev = link ? await graph.api(link).get() : await graph.api('/me/calendarView/delta').query(WINDOW).get();
  const items: Ev[] = [...page.value];
  while (page['@odata.nextLink']) {
    page = await graph.api(page['@odata.nextLink']).get();
    items.push(...page.value);
  }
  return { items, deltaLink: page['@odata.deltaLink'] };
}

describe('owner edits in Outlook (control API)', () => {
  it('moving our event changes etag/changeKey/lastModified, shows in the next delta page and fires a notification', async () => {
    const e = emu.get();
    const { graph } = await signIn(e);
    const ours = await graph.api('/me/events').post(slot('Boiler service'));
    const first = await deltaRound(graph);
    const sub = await graph.api('/subscriptions').post({ changeType: 'updated', notificationUrl: rx.url(), resource: 'me/events', expirationDateTime: new Date(Date.now() + 3600_000).toISOString(), clientState: 'c' });
    await e.control.advanceClock(1000);

    const moved = await owner('PATCH', `/${encodeURIComponent(ours.id)}`, { email: 'alice@example.com', event: { start: { dateTime: '2026-03-02T11:00:00', timeZone: 'UTC' }, end: { dateTime: '2026-03-02T12:00:00', timeZone: 'UTC' } } });
    expect(moved.id).toBe(ours.id);
    expect(moved['@odata.etag']).not.toBe(ours['@odata.etag']);
    expect(moved.changeKey).not.toBe(ours.changeKey);
    expect(Date.parse(moved.lastModifiedDateTime)).toBeGreaterThan(Date.parse(ours.lastModifiedDateTime));

    const next = await deltaRound(graph, first.deltaLink);
    expect(next.items).toHaveLength(1);
    expect(next.items[0]).toMatchObject({ id: ours.id, '@odata.etag': moved['@odata.etag'], start: { dateTime: '2026-03-02T11:00:00.0000000' } });

    await until(() => rx.notifications().length === 1);
    expect(rx.notifications()[0]).toMatchObject({ subscriptionId: sub.id, changeType: 'updated', resourceData: { id: ours.id, '@odata.etag': moved['@odata.etag'] } });

    const stale = await graph.api(`/me/events/${ours.id}`).header('If-Match', ours['@odata.etag']).patch({ subject: 'ours again' }).catch((x: GraphError) => x);
    expect((stale as GraphError).statusCode).toBe(412);
  });

  it('creates (also a recurring series) and deletes events of their own; delta and notifications follow', async () => {
    const { graph } = await signIn(emu.get());
    const first = await deltaRound(graph);
    await graph.api('/subscriptions').post({ changeType: 'created,deleted', notificationUrl: rx.url(), resource: 'me/events', expirationDateTime: new Date(Date.now() + 3600_000).toISOString() });
    const dentist = await owner('POST', '', { email: 'alice@example.com', event: slot('Dentist', 14) });
    const gym = await owner('POST', '', { email: 'alice@example.com', event: {
      ...slot('Gym', 18), recurrence: { pattern: { type: 'weekly', interval: 1, daysOfWeek: ['monday'] }, range: { type: 'numbered', startDate: '2026-03-02', numberOfOccurrences: 3 } },
    } });
    expect(gym.type).toBe('seriesMaster');
    const second = await deltaRound(graph, first.deltaLink);
    expect(second.items.map((x) => `${x.subject}:${x.type}`).sort()).toEqual(['Dentist:singleInstance', 'Gym:occurrence', 'Gym:occurrence', 'Gym:occurrence']);

    await owner('DELETE', `/${encodeURIComponent(dentist.id)}?email=alice@example.com`);
    const third = await deltaRound(graph, second.deltaLink);
    expect(third.items).toEqual([{ '@odata.type': '#microsoft.graph.event', id: dentist.id, '@removed': { reason: 'deleted' } }]);
    await until(() => rx.notifications().length === 3);
    expect(rx.notifications().map((n) => n.changeType)).toEqual(['created', 'created', 'deleted']);
  });

  it('cancelling one occurrence as the owner removes it from calendarView', async () => {
    const { graph } = await signIn(emu.get());
    await owner('POST', '', { email: 'alice@example.com', event: {
      ...slot('Standup'), recurrence: { pattern: { type: 'daily', interval: 1 }, range: { type: 'endDate', startDate: '2026-03-02', endDate: '2026-03-04' } },
    } });
    const before = (await graph.api('/me/calendarView').query(WINDOW).get()).value as Ev[];
    expect(before).toHaveLength(3);
    await owner('DELETE', `/${encodeURIComponent(before[1].id)}?email=alice@example.com`);
    const after = (await graph.api('/me/calendarView').query(WINDOW).get()).value as Ev[];
    expect(after.map((x) => x.start.dateTime)).toEqual(['2026-03-02T09:00:00.0000000', '2026-03-04T09:00:00.0000000']);
  });

  it('answers 404 for an unknown event and 400 for an unknown account', async () => {
    await expect(owner('PATCH', '/nope', { email: 'alice@example.com', event: { subject: 'x' } })).rejects.toThrow(/404/);
    await expect(owner('POST', '', { email: 'nobody@example.com', event: slot('x') })).rejects.toThrow(/400/);
  });
});
