// events.list paging and incremental sync through googleapis (provider-apis.md A2.4, C2-C4, C8).
import { beforeEach, describe, expect, it } from 'vitest';
import type { calendar_v3 } from 'googleapis';
import { useEmulator } from '../helpers/emulator.js';
import { calendarApi, connectGoogle } from '../helpers/google.js';
import { failure, googleReason } from '../helpers/errors.js';

const emu = useEmulator();
let cal: ReturnType<typeof calendarApi>;

const slot = (day: number) => ({
  start: { dateTime: `2026-12-${String(day).padStart(2, '0')}T09:00:00Z` },
  end: { dateTime: `2026-12-${String(day).padStart(2, '0')}T10:00:00Z` },
});

async function insertMany(n: number, props: (i: number) => Record<string, string> = () => ({})) {
  for (let i = 1; i <= n; i++) {
    await cal.events.insert({ calendarId: 'primary', requestBody: { id: `ev${String(i).padStart(5, '0')}`, summary: `E${i}`, ...slot((i % 28) + 1), extendedProperties: { private: props(i) } } });
  }
}

/** Follows nextPageToken to the end, the way a correct client must. */
async function listAll(params: calendar_v3.Params$Resource$Events$List) {
  const pages: calendar_v3.Schema$Events[] = [];
  let pageToken: string | undefined;
  do {
    const { data } = await cal.events.list({ calendarId: 'primary', ...params, ...(pageToken ? { pageToken } : {}) });
    pages.push(data);
    pageToken = data.nextPageToken ?? undefined;
  } while (pageToken);
  return { pages, items: pages.flatMap((p) => p.items ?? []), syncToken: pages[pages.length - 1]!.nextSyncToken! };
}

beforeEach(async () => {
  const { client } = await connectGoogle(emu.get());
  cal = calendarApi(emu.get(), client);
});

describe('events.list paging', () => {
  it('pages through every event; nextSyncToken only on the last page, never with nextPageToken', async () => {
    await insertMany(23);
    const { pages, items, syncToken } = await listAll({ maxResults: 5 });
    expect(items.map((e) => e.id).sort()).toEqual(Array.from({ length: 23 }, (_, i) => `ev${String(i + 1).padStart(5, '0')}`));
    expect(syncToken).toBeTruthy();
    for (const p of pages.slice(0, -1)) {
      expect(p.nextPageToken).toBeTruthy();
      expect(p.nextSyncToken).toBeUndefined();
      expect(p.items!.length).toBeLessThanOrEqual(5);
    }
  });

  it('serves short (even empty) pages that still carry nextPageToken, from the seeded rng', async () => {
    await insertMany(30);
    const { pages } = await listAll({ maxResults: 6 });
    expect(pages.slice(0, -1).some((p) => p.items!.length < 6)).toBe(true);
  });

  it('rejects maxResults above 2500', async () => {
    const f = await failure(cal.events.list({ calendarId: 'primary', maxResults: 2501 }));
    expect(f.status).toBe(400);
  });
});

describe('events.list filters', () => {
  it('hides deleted events unless showDeleted=true, which returns them as cancelled', async () => {
    await insertMany(3);
    await cal.events.delete({ calendarId: 'primary', eventId: 'ev00002' });
    expect((await listAll({})).items.map((e) => e.id)).not.toContain('ev00002');
    const shown = (await listAll({ showDeleted: true })).items.find((e) => e.id === 'ev00002');
    expect(shown!.status).toBe('cancelled');
  });

  it('filters by privateExtendedProperty key=value', async () => {
    await insertMany(6, (i) => ({ owner: i % 2 ? 'fs' : 'other' }));
    const { items } = await listAll({ privateExtendedProperty: ['owner=fs'] });
    expect(items.map((e) => e.id).sort()).toEqual(['ev00001', 'ev00003', 'ev00005']);
  });

  it('filters by time window (timeMin by end, timeMax by start)', async () => {
    await insertMany(5);
    const { items } = await listAll({ timeMin: '2026-12-03T09:30:00Z', timeMax: '2026-12-05T09:00:00Z' });
    expect(items.map((e) => e.summary).sort()).toEqual(['E2', 'E3']);
  });

  it('filters by q (summary, description, location)', async () => {
    await insertMany(3);
    await cal.events.patch({ calendarId: 'primary', eventId: 'ev00002', requestBody: { location: '12 rue des Chaudières' } });
    expect((await listAll({ q: 'chaudières' })).items.map((e) => e.id)).toEqual(['ev00002']);
  });

  it('updatedMin keeps entries updated since then, deleted ones included without showDeleted', async () => {
    await insertMany(3);
    await new Promise((r) => setTimeout(r, 20));
    const since = new Date().toISOString();
    await new Promise((r) => setTimeout(r, 20));
    await cal.events.patch({ calendarId: 'primary', eventId: 'ev00001', requestBody: { summary: 'new' } });
    await cal.events.delete({ calendarId: 'primary', eventId: 'ev00003' });
    const { items } = await listAll({ updatedMin: since });
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
    await insertMany(1);
    const { data } = await cal.events.list({ calendarId: 'primary', timeZone: 'Asia/Tokyo' });
    expect(data.timeZone).toBe('Asia/Tokyo');
    expect(data.items![0]!.start!.dateTime).toBe('2026-12-02T18:00:00+09:00');
  });
});

describe('incremental sync', () => {
  it('returns only changes since the token, deletions as cancelled items, then a new token', async () => {
    await insertMany(4);
    const first = await listAll({});
    await cal.events.patch({ calendarId: 'primary', eventId: 'ev00001', requestBody: { summary: 'changed' } });
    await cal.events.delete({ calendarId: 'primary', eventId: 'ev00002' });
    await cal.events.insert({ calendarId: 'primary', requestBody: { id: 'ev09999', ...slot(9) } });
    const inc = await listAll({ syncToken: first.syncToken });
    const byId = Object.fromEntries(inc.items.map((e) => [e.id, e]));
    expect(Object.keys(byId).sort()).toEqual(['ev00001', 'ev00002', 'ev09999']);
    expect(byId.ev00001!.summary).toBe('changed');
    expect(byId.ev00002!.status).toBe('cancelled');
    expect(inc.syncToken).not.toBe(first.syncToken);
    expect((await listAll({ syncToken: inc.syncToken })).items).toEqual([]);
  });

  it('pages an incremental sync too; the new sync token comes on its last page only', async () => {
    await insertMany(2);
    const first = await listAll({});
    for (let i = 1; i <= 12; i++) await cal.events.insert({ calendarId: 'primary', requestBody: { id: `inc${String(i).padStart(5, '0')}`, ...slot(3) } });
    const inc = await listAll({ syncToken: first.syncToken, maxResults: 4 });
    expect(inc.pages.length).toBeGreaterThan(2);
    expect(inc.pages.slice(0, -1).every((p) => !p.nextSyncToken)).toBe(true);
    expect(inc.items.map((e) => e.id).sort()).toEqual(Array.from({ length: 12 }, (_, i) => `inc${String(i + 1).padStart(5, '0')}`));
  });

  it('a sync token of another calendar needs a full sync (410)', async () => {
    const { syncToken } = await listAll({});
    const other = (await cal.calendarList.list()).data.items!.find((c) => c.summary === 'Interventions')!;
    expect((await failure(cal.events.list({ calendarId: other.id!, syncToken }))).status).toBe(410);
  });

  it('a malformed sync token is 400', async () => {
    expect((await failure(cal.events.list({ calendarId: 'primary', syncToken: 'garbage' }))).status).toBe(400);
  });

  it('answers 410 fullSyncRequired once tokens are invalidated (control API)', async () => {
    const { syncToken } = await listAll({});
    await emu.get().control.call('POST', 'google/sync-tokens/invalidate');
    const f = await failure(cal.events.list({ calendarId: 'primary', syncToken }));
    expect(f.status).toBe(410);
    expect(f.data).toEqual({ error: { errors: [{ domain: 'calendar', reason: 'fullSyncRequired', message: 'Sync token is no longer valid, a full sync is required.', locationType: 'parameter', location: 'syncToken' }], code: 410, message: 'Sync token is no longer valid, a full sync is required.' } });
    expect((await listAll({})).syncToken).toBeTruthy();
  });

  for (const [param, value] of [
    ['timeMin', '2026-12-01T00:00:00Z'],
    ['timeMax', '2026-12-31T00:00:00Z'],
    ['updatedMin', '2026-01-01T00:00:00Z'],
    ['q', 'boiler'],
    ['privateExtendedProperty', ['owner=fs']],
    ['sharedExtendedProperty', ['owner=fs']],
    ['orderBy', 'updated'],
    ['iCalUID', 'x@google.com'],
  ] as const) {
    it(`rejects syncToken combined with ${param} (400)`, async () => {
      const { syncToken } = await listAll({});
      const f = await failure(cal.events.list({ calendarId: 'primary', syncToken, [param]: value } as calendar_v3.Params$Resource$Events$List));
      expect(f.status).toBe(400);
      expect(googleReason(f)).toMatchObject({ reason: 'invalid', location: param });
    });
  }
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
