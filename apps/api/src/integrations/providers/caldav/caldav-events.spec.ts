// CalDavCalendarProvider against a real Radicale (tsdav over HTTP): the shared
// CalendarProvider contract, then what is CalDAV's own (connect with a password, discovery,
// If-None-Match / If-Match, an unreachable server, VTIMEZONE in what the server stores).
import { getBasicAuthHeaders } from 'tsdav';
import { describe, expect, it } from 'vitest';
import { CALDAV_USER, caldavHarness, useRadicaleProvider } from '../../../../test/support/caldav-harness';
import { describeProviderContract, rejection, sampleEvent } from '../../../../test/support/provider-contract';
import { RADICALE_ADMIN } from '../../../../test/support/radicale';
import { AccessTokenRejected } from '../provider-error';
import { CalDavCalendarProvider } from './caldav-calendar.provider';
import { eventUrl } from './caldav-events';

const t = useRadicaleProvider();
describeProviderContract(caldavHarness, t);

describe('CalDAV: what is its own', () => {
  const upsert = (title = 'Boiler service') => t.provider().upsertEvent(t.context(), t.calendarId(), sampleEvent({ title }));
  const raw = (url: string) =>
    fetch(url.replace(t.server().url, t.server().directUrl), { headers: getBasicAuthHeaders(RADICALE_ADMIN) }).then((r) => r.text());

  it('connect refuses a wrong password as refused credentials, and stores nothing readable', async () => {
    const provider = t.provider() as CalDavCalendarProvider;
    expect(await rejection(provider.connect({ serverUrl: t.server().url, username: 'alice', password: 'wrong' }))).toBeInstanceOf(AccessTokenRejected);
  });

  it('connect refuses http:// unless allowed, and an unreachable server is TRANSIENT', async () => {
    const strict = new CalDavCalendarProvider({ allowHttp: false, timeoutMs: 2000 });
    expect((await rejection(strict.connect({ serverUrl: t.server().url, ...CALDAV_USER }))).code).toBe('PERMANENT');
    const provider = t.provider() as CalDavCalendarProvider;
    expect((await rejection(provider.connect({ serverUrl: 'http://127.0.0.1:9', ...CALDAV_USER }))).code).toBe('TRANSIENT');
  });

  it('lists the calendars by discovery, with write access from the server’s privileges', async () => {
    const calendars = await t.provider().listCalendars(t.context());
    expect(calendars.map((c) => [c.name, c.canWrite]).sort()).toEqual([['Holidays', false], ['Interventions', true], ['Personal', true]]);
  });

  it('stores one VEVENT with the sync key as UID, a SEQUENCE and the VTIMEZONE of its zone', async () => {
    const ref = await t.provider().upsertEvent(t.context(), t.calendarId(), sampleEvent({ sequence: 4 }));
    expect(ref.externalId).toBe(eventUrl(t.calendarId(), sampleEvent().syncKey));
    const stored = await raw(ref.externalId);
    expect(stored).toContain(`UID:${sampleEvent().syncKey}`);
    expect(stored).toContain('SEQUENCE:4');
    expect(stored).toMatch(/BEGIN:VTIMEZONE\r?\nTZID:Europe\/Paris/);
    expect(stored).toContain('DTSTART;TZID=Europe/Paris:20261201T090000');
  });

  it('a crash after the PUT and before our commit leaves one event: the retry updates it (412 then If-Match)', async () => {
    await upsert();
    const again = await upsert('Boiler repair'); // no `known`: we never stored the first answer
    expect((await t.liveEvents()).map((e) => [e.id, e.title])).toEqual([[again.externalId, 'Boiler repair']]);
  });

  it('creates with If-None-Match: *, and on its 412 updates with If-Match on the ETag it just read', async () => {
    const first = await upsert();
    const again = await upsert('Boiler repair');
    const puts = t.server().requests().filter((r) => r.method === 'PUT');
    expect(puts.map((r) => [r.ifNoneMatch, r.ifMatch, r.status])).toEqual([
      ['*', undefined, 201],
      ['*', undefined, 412],
      [undefined, first.etag, expect.any(Number)],
    ]);
    expect(puts[2]!.status).toBeLessThan(300);
    expect(again.etag).not.toBe(first.etag);
  });

  it('deletes with If-Match on the current ETag', async () => {
    const ref = await upsert();
    await t.provider().deleteEvent(t.context(), t.calendarId(), { syncKey: sampleEvent().syncKey, known: ref });
    const deletes = t.server().requests().filter((r) => r.method === 'DELETE');
    expect(deletes.map((r) => [r.ifMatch, r.status])).toEqual([[ref.etag, expect.any(Number)]]);
    expect(await t.liveEvents()).toEqual([]);
  });

  it('overwrites an event the person edited in their calendar app (our copy wins), with If-Match on the current ETag', async () => {
    const ref = await upsert();
    const edited = (await raw(ref.externalId)).replace('SUMMARY:Boiler service', 'SUMMARY:Edited by hand');
    await fetch(ref.externalId.replace(t.server().url, t.server().directUrl), {
      method: 'PUT',
      headers: { ...getBasicAuthHeaders(RADICALE_ADMIN), 'Content-Type': 'text/calendar' },
      body: edited,
    });
    const updated = await t.provider().upsertEvent(t.context(), t.calendarId(), sampleEvent({ title: 'Boiler repair' }), ref);
    expect(updated.etag).not.toBe(ref.etag);
    expect((await t.liveEvents()).map((e) => e.title)).toEqual(['Boiler repair']);
  });
});
