// CalDavCalendarProvider against a real Radicale and against the calendar emulator's CalDAV
// server (tsdav over HTTP): the shared CalendarProvider contract on both, then what is
// CalDAV's own (connect with a password, discovery, If-None-Match / If-Match, an unreachable
// server, VTIMEZONE in what the server stores), the cases the emulator can show on both too.
import { getBasicAuthHeaders } from 'tsdav';
import { describe, expect, it } from 'vitest';
import { CALDAV_USER, caldavHarness, useRadicaleProvider } from '../../../../test/support/caldav-harness';
import { EMULATOR_CALDAV_USER, emulatedCaldavHarness, useEmulatedCalDavProvider } from '../../../../test/support/emulated-caldav-harness';
import { describeProviderContract, rejection, sampleEvent, type ContractContext } from '../../../../test/support/provider-contract';
import { RADICALE_ADMIN } from '../../../../test/support/radicale';
import { AccessTokenRejected } from '../provider-error';
import { CalDavCalendarProvider } from './caldav-calendar.provider';
import { eventUrl } from './caldav-events';

describe('against Radicale', () => {
  const t = useRadicaleProvider();
  describeProviderContract(caldavHarness, t);
  describeCalDavOwnCases(t, { serverUrl: () => t.server().url, user: CALDAV_USER });

  describe('CalDAV: what is its own (Radicale)', () => {
    const upsert = (title = 'Boiler service') => t.provider().upsertEvent(t.context(), t.calendarId(), sampleEvent({ title }));
    const raw = (url: string) =>
      fetch(url.replace(t.server().url, t.server().directUrl), { headers: getBasicAuthHeaders(RADICALE_ADMIN) }).then((r) => r.text());

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
});

describe('against the calendar emulator', () => {
  const e = useEmulatedCalDavProvider();
  describeProviderContract(emulatedCaldavHarness, e);
  describeCalDavOwnCases(e, { serverUrl: () => e.emu().url, user: EMULATOR_CALDAV_USER });

  it('in emulator mode (pnpm start), http:// is accepted for the emulator alone, CALDAV_ALLOW_HTTP off', async () => {
    const demo = new CalDavCalendarProvider({ allowHttp: false, timeoutMs: 2000, emulatorOrigin: new URL(e.emu().url).origin });
    expect((await demo.connect({ serverUrl: e.emu().url, ...EMULATOR_CALDAV_USER })).accountEmail).toBe(EMULATOR_CALDAV_USER.username);
    const other = e.emu().url.replace('127.0.0.1', 'localhost');
    expect((await rejection(demo.connect({ serverUrl: other, ...EMULATOR_CALDAV_USER }))).code).toBe('PERMANENT');
  });
});

/** CalDAV's own cases that need nothing but the server's answers: run on Radicale and on the emulator. */
function describeCalDavOwnCases(t: ContractContext, server: { serverUrl: () => string; user: { username: string; password: string } }): void {
  describe('CalDAV: what is its own', () => {
    it('connect refuses a wrong password as refused credentials, and stores nothing readable', async () => {
      const provider = t.provider() as CalDavCalendarProvider;
      expect(await rejection(provider.connect({ serverUrl: server.serverUrl(), username: server.user.username, password: 'wrong' }))).toBeInstanceOf(AccessTokenRejected);
    });

    it('connect refuses http:// unless allowed, and an unreachable server is TRANSIENT', async () => {
      const strict = new CalDavCalendarProvider({ allowHttp: false, timeoutMs: 2000 });
      expect((await rejection(strict.connect({ serverUrl: server.serverUrl(), ...server.user }))).code).toBe('PERMANENT');
      const provider = t.provider() as CalDavCalendarProvider;
      expect((await rejection(provider.connect({ serverUrl: 'http://127.0.0.1:9', ...server.user }))).code).toBe('TRANSIENT');
    });

    it('lists the calendars by discovery, with write access from the server’s privileges', async () => {
      const calendars = await t.provider().listCalendars(t.context());
      expect(calendars.map((c) => [c.name, c.canWrite]).sort()).toEqual([['Holidays', false], ['Interventions', true], ['Personal', true]]);
    });

    it('a crash after the PUT and before our commit leaves one event: the retry updates it', async () => {
      const upsert = (title: string) => t.provider().upsertEvent(t.context(), t.calendarId(), sampleEvent({ title }));
      await upsert('Boiler service');
      const again = await upsert('Boiler repair'); // no `known`: we never stored the first answer
      expect((await t.liveEvents()).map((e) => [e.id, e.title])).toEqual([[again.externalId, 'Boiler repair']]);
      expect(again.externalId).toBe(eventUrl(t.calendarId(), sampleEvent().syncKey));
    });
  });
}
