// events.list paging and filters, calendarList, through googleapis (provider-apis.md A2.1, A2.4, C4).
import { beforeEach, describe, expect, it } from 'vitest';
import { useEmulator } from '../helpers/emulator.js';
import { calendarApi, connectGoogle } from '../helpers/google.js';
import { insertMany, listAll } from '../helpers/google-events.js';
import { failure, googleReason } from '../helpers/errors.js';

const emu = useEmulator();
let cal: ReturnType<typeof calendarApi>;

beforeEach(async () => {
  const { client } = await connectGoogle(emu.get());
  cal = calendarApi(emu.get(), client);
});

describe('events.list paging', () => {
  it('pages through every event; nextSyncToken only on the last page, never with nextPageToken', async () => {
    await insertMany(cal, 23);
    const { pages, items, syncToken } = await listAll(cal, { maxResults: 5 });
    expect(items.map((e) => e.id).sort()).toEqual(Array.from({ length: 23 }, (_, i) => `ev${String(i + 1).padStart(5, '0')}`));
    expect(syncToken).toBeTruthy();
    for (const p of pages.slice(0, -1)) {
      expect(p.nextPageToken).toBeTruthy();
      expect(p.nextSyncToken).toBeUndefined();
      expect(p.items!.length).toBeLessThanOrEqual(5);
    }
  });

  it('serves short (even empty) pages that still carry nextPageToken, from the seeded rng', async () => {
    await insertMany(cal, 30);
    const { pages } = await listAll(cal, { maxResults: 6 });
    expect(pages.slice(0, -1).some((p) => p.items!.length < 6)).toBe(true);
  });

  it('rejects maxResults above 2500', async () => {
    const f = await failure(cal.events.list({ calendarId: 'primary', maxResults: 2501 }));
    expect(f.status).toBe(400);
  });
});

describe('events.list filters', () => {
  it('hides deleted events unless showDeleted=true, which returns them as cancelled', async () => {
    await insertMany(cal, 3);
    await cal.events.delete({ calendarId: 'primary', eventId: 'ev00002' });
    expect((await listAll(cal, {})).items.map((e) => e.id)).not.toContain('ev00002');
    const shown = (await listAll(cal, { showDeleted: true })).items.find((e) => e.id === 'ev00002');
    expect(shown!.status).toBe('cancelled');
  });

  it('filters by privateExtendedProperty key=value', async () => {
    await insertMany(cal, 6, (i) => ({ owner: i % 2 ? 'fs' : 'other' }));
    const { items } = await listAll(cal, { privateExtendedProperty: ['owner=fs'] });
    expect(items.map((e) => e.id).sort()).toEqual(['ev00001', 'ev00003', 'ev00005']);
  });

  it('filters by time window (timeMin by end, timeMax by start)', async () => {
    await insertMany(cal, 5);
    const { items } = await listAll(cal, { timeMin: '2026-12-03T09:30:00Z', timeMax: '2026-12-05T09:00:00Z' });
    expect(items.map((e) => e.summary).sort()).toEqual(['E2', 'E3']);
  });

  it('filters by q (summary, description, location)', async () => {
    await insertMany(cal, 3);
    await cal.events.patch({ calendarId: 'primary', eventId: 'ev00002', requestBody: { location: '12 rue des Chaudières' } });
    expect((await listAll(cal, { q: 'chaudières' })).items.map((e) => e.id)).toEqual(['ev00002']);
  });

  it('updatedMin keeps entries updated since then, deleted ones included without showDeleted', async () => {
    await insertMany(cal, 3);
    await new Promise((r) => setTimeout(r, 20));
    const since = new Date().toISOString();
    await new Promise((r) => setTimeout(r, 20));
    await cal.events.patch({ calendarId: 'primary', eventId: 'ev00001', requestBody: { summary: 'new' } });
    await cal.events.delete({ calendarId: 'primary', eventId: 'ev00003' });
    const { items } = await listAll(cal, { updatedMin: since });
    expect(items.map((e) => [e.id, e.status]).sort()).toEqual([['ev00001', 'confirmed'], ['ev00003', 'cancelled']]);
  });

  it('rejects timeMax <= timeMin with timeRangeEmpty', async () => {
    const f = await failure(cal.events.list({ calendarId: 'primary', timeMin: '2026-12-05T00:00:00Z', timeMax: '2026-12-01T00:00:00Z' }));
    expect(googleReason(f).reason).toBe('timeRangeEmpty');
  });

  it('rejects orderBy=startTime without singleEvents', async () => {
    expect((await failure(cal.events.list({ calendarId: 'primary', orderBy: 'startTime' }))).status).toBe(400);
  });

  it('renders times in the timeZone parameter', async () => {
    await insertMany(cal, 1);
    const { data } = await cal.events.list({ calendarId: 'primary', timeZone: 'Asia/Tokyo' });
    expect(data.timeZone).toBe('Asia/Tokyo');
    expect(data.items![0]!.start!.dateTime).toBe('2026-12-02T18:00:00+09:00');
  });
});

describe('calendarList.list', () => {
  it('lists primary, Interventions (owner) and Holidays (reader)', async () => {
    const { data } = await cal.calendarList.list();
    expect(data.kind).toBe('calendar#calendarList');
    expect(data.items!.map((c) => [c.summary, c.accessRole, c.primary ?? false])).toEqual([
      ['alice@example.com', 'owner', true],
      ['Interventions', 'owner', false],
      ['Holidays', 'reader', false],
    ]);
    expect(data.items![0]!.id).toBe('alice@example.com');
  });

  it('shows calendars added through the control API', async () => {
    await emu.get().control.addCalendar({ provider: 'google', email: 'alice@example.com', name: 'Team', canWrite: true });
    const { data } = await cal.calendarList.list({ minAccessRole: 'writer' });
    expect(data.items!.map((c) => c.summary)).toEqual(['alice@example.com', 'Interventions', 'Team']);
  });
});
