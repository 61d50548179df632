// Incremental sync through googleapis (provider-apis.md A2.4, C2, C3, C8).
import { beforeEach, describe, expect, it } from 'vitest';
import type { calendar_v3 } from 'googleapis';
import { useEmulator } from '../helpers/emulator.js';
import { calendarApi, connectGoogle } from '../helpers/google.js';
import { insertMany, listAll, slot } from '../helpers/google-events.js';
import { failure, googleReason } from '../helpers/errors.js';

const emu = useEmulator();
let cal: ReturnType<typeof calendarApi>;

beforeEach(async () => {
  const { client } = await connectGoogle(emu.get());
  cal = calendarApi(emu.get(), client);
});

describe('incremental sync', () => {
  it('returns only changes since the token, deletions as cancelled items, then a new token', async () => {
    await insertMany(cal, 4);
    const first = await listAll(cal, {});
    await cal.events.patch({ calendarId: 'primary', eventId: 'ev00001', requestBody: { summary: 'changed' } });
    await cal.events.delete({ calendarId: 'primary', eventId: 'ev00002' });
    await cal.events.insert({ calendarId: 'primary', requestBody: { id: 'ev09999', ...slot(9) } });
    const inc = await listAll(cal, { syncToken: first.syncToken });
    const byId = Object.fromEntries(inc.items.map((e) => [e.id, e]));
    expect(Object.keys(byId).sort()).toEqual(['ev00001', 'ev00002', 'ev09999']);
    expect(byId.ev00001!.summary).toBe('changed');
    expect(byId.ev00002!.status).toBe('cancelled');
    expect(inc.syncToken).not.toBe(first.syncToken);
    expect((await listAll(cal, { syncToken: inc.syncToken })).items).toEqual([]);
  });

  it('pages an incremental sync too; the new sync token comes on its last page only', async () => {
    await insertMany(cal, 2);
    const first = await listAll(cal, {});
    for (let i = 1; i <= 12; i++) await cal.events.insert({ calendarId: 'primary', requestBody: { id: `inc${String(i).padStart(5, '0')}`, ...slot(3) } });
    const inc = await listAll(cal, { syncToken: first.syncToken, maxResults: 4 });
    expect(inc.pages.length).toBeGreaterThan(2);
    expect(inc.pages.slice(0, -1).every((p) => !p.nextSyncToken)).toBe(true);
    expect(inc.items.map((e) => e.id).sort()).toEqual(Array.from({ length: 12 }, (_, i) => `inc${String(i + 1).padStart(5, '0')}`));
  });

  it('a sync token of another calendar needs a full sync (410)', async () => {
    const { syncToken } = await listAll(cal, {});
    const other = (await cal.calendarList.list()).data.items!.find((c) => c.summary === 'Interventions')!;
    expect((await failure(cal.events.list({ calendarId: other.id!, syncToken }))).status).toBe(410);
  });

  it('a malformed sync token is 400', async () => {
    expect((await failure(cal.events.list({ calendarId: 'primary', syncToken: 'garbage' }))).status).toBe(400);
  });

  it('answers 410 fullSyncRequired once tokens are invalidated (control API)', async () => {
    const { syncToken } = await listAll(cal, {});
    await emu.get().control.call('POST', 'google/sync-tokens/invalidate');
    const f = await failure(cal.events.list({ calendarId: 'primary', syncToken }));
    expect(f.status).toBe(410);
    expect(f.data).toEqual({ error: { errors: [{ domain: 'calendar', reason: 'fullSyncRequired', message: 'Sync token is no longer valid, a full sync is required.', locationType: 'parameter', location: 'syncToken' }], code: 410, message: 'Sync token is no longer valid, a full sync is required.' } });
    expect((await listAll(cal, {})).syncToken).toBeTruthy();
  });

  it('after tombstones are purged (retention horizon), deletions vanish, old tokens get 410 and ids stay taken', async () => {
    await insertMany(cal, 3);
    const { syncToken } = await listAll(cal, {});
    await cal.events.delete({ calendarId: 'primary', eventId: 'ev00002' });
    await emu.get().control.call('POST', 'google/tombstones/purge');
    expect((await failure(cal.events.list({ calendarId: 'primary', syncToken }))).status).toBe(410);
    expect((await listAll(cal, { showDeleted: true })).items.map((e) => e.id).sort()).toEqual(['ev00001', 'ev00003']);
    expect((await failure(cal.events.insert({ calendarId: 'primary', requestBody: { id: 'ev00002', ...slot(2) } }))).status).toBe(409);
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
      const { syncToken } = await listAll(cal, {});
      const f = await failure(cal.events.list({ calendarId: 'primary', syncToken, [param]: value } as calendar_v3.Params$Resource$Events$List));
      expect(f.status).toBe(400);
      expect(googleReason(f)).toMatchObject({ reason: 'invalid', location: param });
    });
  }
});
