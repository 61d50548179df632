// The account owner edits their own calendar in Google Calendar (control calls under
// /_emulator/google/owner/events): what our sync client must see through googleapis —
// the change in the next sync-token page, a push notification, new etag/sequence/updated.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { useEmulator } from '../helpers/emulator.js';
import { calendarApi, connectGoogle } from '../helpers/google.js';
import { listAll, slot } from '../helpers/google-events.js';
import { startReceiver, states, until } from '../helpers/receiver.js';
import type { Receiver } from '../helpers/receiver.js';

const emu = useEmulator();
let cal: ReturnType<typeof calendarApi>;
let rx: Receiver;

beforeAll(async () => {
  rx = await startReceiver();
});
afterAll(() => rx.close());
beforeEach(async () => {
  rx.clear();
  const { client } = await connectGoogle(emu.get());
  cal = calendarApi(emu.get(), client);
});

const owner = async (method: string, path: string, body?: unknown) => {
  const res = await fetch(`${emu.get().url}/_emulator/google/owner/events${path}`, {
    method,
    ...(body === undefined ? {} : { headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }),
  });
  return { status: res.status, body: res.status === 204 ? undefined : await res.json() };
};

describe('owner edits (control calls)', () => {
  it('an owner move of our event shows in the next sync-token page and fires a push', async () => {
    const ours = (await cal.events.insert({ calendarId: 'primary', requestBody: { id: 'ours00001', summary: 'Boiler', ...slot(3) } })).data;
    const { syncToken } = await listAll(cal, {});
    await cal.events.watch({ calendarId: 'primary', requestBody: { id: 'owner-chan', type: 'web_hook', address: rx.address } });
    await until(() => states(rx).includes('sync'));

    const moved = await owner('PATCH', `/alice@example.com/ours00001`, { start: { dateTime: '2026-12-03T10:00:00Z' }, end: { dateTime: '2026-12-03T11:00:00Z' } });
    expect(moved.status).toBe(200);

    await until(() => states(rx).includes('exists'));
    const inc = await listAll(cal, { syncToken });
    expect(inc.items.map((e) => e.id)).toEqual(['ours00001']);
    const after = inc.items[0]!;
    expect(Date.parse(after.start!.dateTime!)).toBe(Date.parse('2026-12-03T10:00:00Z'));
    expect(after.etag).not.toBe(ours.etag);
    expect(after.sequence).toBe(ours.sequence! + 1);
    expect(Date.parse(after.updated!)).toBeGreaterThanOrEqual(Date.parse(ours.updated!));
  });

  it('an owner-created event (their own) and an owner delete both reach incremental sync', async () => {
    const { syncToken } = await listAll(cal, {});
    const made = await owner('POST', '', { email: 'alice@example.com', event: { summary: 'Dentist', ...slot(5) } });
    expect(made.status).toBe(201);
    const first = await listAll(cal, { syncToken });
    expect(first.items.map((e) => e.summary)).toEqual(['Dentist']);
    expect((await owner('DELETE', `/alice@example.com/${made.body.id}`)).status).toBe(204);
    const second = await listAll(cal, { syncToken: first.syncToken });
    expect(second.items).toEqual([expect.objectContaining({ id: made.body.id, status: 'cancelled' })]);
  });

  it('an owner edit makes the etag our client kept stale (If-Match -> 412)', async () => {
    const ours = (await cal.events.insert({ calendarId: 'primary', requestBody: { summary: 'Boiler', ...slot(3) } })).data;
    await owner('PATCH', `/alice@example.com/${ours.id}`, { summary: 'Boiler (moved by Alice)' });
    const stale = cal.events.patch({ calendarId: 'primary', eventId: ours.id!, requestBody: { summary: 'x' } }, { headers: { 'If-Match': ours.etag! } });
    await expect(stale).rejects.toMatchObject({ status: 412 });
  });

  it('refuses a read-only calendar (403), an unknown calendar (404), an unknown event (404), a missing event body (400)', async () => {
    const holidays = (await cal.calendarList.list()).data.items!.find((c) => c.summary === 'Holidays')!;
    expect((await owner('POST', '', { calendarId: holidays.id, event: slot(1) })).status).toBe(403);
    expect((await owner('PATCH', '/nobody@example.com/abcde12345', { summary: 'x' })).status).toBe(404);
    expect((await owner('DELETE', '/alice@example.com/abcde12345')).status).toBe(404);
    expect((await owner('POST', '', { email: 'alice@example.com' })).status).toBe(400);
  });

  it('can create a recurring series and cancel one of its instances', async () => {
    const made = await owner('POST', '', {
      email: 'alice@example.com',
      event: { summary: 'Standup', start: { dateTime: '2026-12-07T09:00:00', timeZone: 'Europe/Paris' }, end: { dateTime: '2026-12-07T09:15:00', timeZone: 'Europe/Paris' }, recurrence: ['RRULE:FREQ=DAILY;COUNT=3'] },
    });
    expect(made.status).toBe(201);
    const { syncToken } = await listAll(cal, {});
    expect((await owner('DELETE', `/alice@example.com/${made.body.id}_20261208T080000Z`)).status).toBe(204);
    const { data } = await cal.events.instances({ calendarId: 'primary', eventId: made.body.id });
    expect(data.items!.map((e) => e.start!.dateTime)).toEqual(['2026-12-07T09:00:00+01:00', '2026-12-09T09:00:00+01:00']);
    const inc = await listAll(cal, { syncToken });
    expect(inc.items).toEqual([expect.objectContaining({ id: `${made.body.id}_20261208T080000Z`, status: 'cancelled', recurringEventId: made.body.id })]);
  });
});
