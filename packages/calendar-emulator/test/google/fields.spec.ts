// Partial responses (`fields`) through googleapis: only what was asked comes back, so a
// client that leaves nextSyncToken out of `fields` finds it missing, as with Google.
import { beforeEach, describe, expect, it } from 'vitest';
import { useEmulator } from '../helpers/emulator.js';
import { calendarApi, connectGoogle } from '../helpers/google.js';
import { insertMany } from '../helpers/google-events.js';
import { failure, googleReason } from '../helpers/errors.js';

const emu = useEmulator();
let cal: ReturnType<typeof calendarApi>;

beforeEach(async () => {
  const { client } = await connectGoogle(emu.get());
  cal = calendarApi(emu.get(), client);
  await emu.get().control.call('POST', 'google/settings', { randomPageSizes: false });
});

describe('fields (partial response)', () => {
  it('returns only the selected fields of a list and of its items', async () => {
    await insertMany(cal, 2);
    const { data } = await cal.events.list({ calendarId: 'primary', fields: 'items(id,start/dateTime),nextSyncToken' });
    expect(Object.keys(data).sort()).toEqual(['items', 'nextSyncToken']);
    expect(data.items![0]).toEqual({ id: 'ev00001', start: { dateTime: '2026-12-02T10:00:00+01:00' } });
  });

  it('leaves nextSyncToken out when the selection does', async () => {
    await insertMany(cal, 1);
    const { data } = await cal.events.list({ calendarId: 'primary', fields: 'items(id)' });
    expect(data.nextSyncToken).toBeUndefined();
  });

  it('applies to single resources too', async () => {
    const { data } = await cal.events.insert({ calendarId: 'primary', fields: 'id,etag', requestBody: { start: { date: '2026-12-01' }, end: { date: '2026-12-02' } } });
    expect(Object.keys(data).sort()).toEqual(['etag', 'id']);
  });

  it('rejects a malformed selection with 400', async () => {
    const f = await failure(cal.events.list({ calendarId: 'primary', fields: 'items(id' }));
    expect(f.status).toBe(400);
    expect(googleReason(f).location).toBe('fields');
  });
});
