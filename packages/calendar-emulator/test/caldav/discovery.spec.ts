// CalDAV discovery and access through tsdav: the well-known redirect (RFC 6764), the
// principal and calendar home (RFC 4791 §6.2.1, RFC 5397), the calendars with their
// properties and privileges, Basic auth with app passwords, and fault injection.
import { describe, expect, it } from 'vitest';
import { getBasicAuthHeaders, propfind } from 'tsdav';
import { Agent, fetch as undiciFetch } from 'undici';
import { useEmulator } from '../helpers/emulator.js';
import { ALICE, calendarNamed, dav, login, parisEvent } from './support.js';

const emu = useEmulator();

describe('CalDAV discovery', () => {
  it('redirects /.well-known/caldav to the service root (RFC 6764 §5)', async () => {
    const answer = await dav(`${emu.get().url}/.well-known/caldav`, { method: 'PROPFIND' });
    expect([answer.status, answer.headers.get('location')]).toEqual([301, '/caldav/']);
  });

  it('tsdav logs in and finds the principal, the calendar home and three calendars', async () => {
    const client = await login(emu.get());
    expect(client.account?.principalUrl).toBe(`${emu.get().url}/caldav/principals/alice@example.com/`);
    expect(client.account?.homeUrl).toBe(`${emu.get().url}/caldav/calendars/alice@example.com/`);
    const calendars = await client.fetchCalendars();
    expect(calendars.map((c) => c.displayName).sort()).toEqual(['Holidays', 'Interventions', 'Personal']);
    for (const c of calendars) {
      expect(c.components).toEqual(['VEVENT']);
      expect(c.syncToken).toMatch(/^http:\/\/calendar-emulator\.invalid\/sync\/\d+$/);
      expect(c.ctag).toBeDefined();
      expect(c.reports).toEqual(expect.arrayContaining(['calendarQuery', 'calendarMultiget', 'syncCollection']));
    }
  });

  it('answers on the HTTPS origin too (local CA), and at the origin root', async () => {
    const dispatcher = new Agent({ connect: { ca: emu.get().caPem } });
    const secure = await undiciFetch(`${emu.get().httpsUrl}/caldav/calendars/alice@example.com/`, { method: 'PROPFIND', headers: { Depth: '1', ...getBasicAuthHeaders(ALICE) }, dispatcher });
    expect([secure.status, (await secure.text()).match(/<C:calendar\/>/g)?.length]).toEqual([207, 3]);
    const root = await dav(`${emu.get().url}/`, { method: 'PROPFIND', headers: { Depth: '0' }, body: '<d:propfind xmlns:d="DAV:"><d:prop><d:current-user-principal/></d:prop></d:propfind>' });
    expect(root.status).toBe(207);
    expect(await root.text()).toContain('<D:href>/caldav/principals/alice@example.com/</D:href>');
  });

  it('gives current-user-privilege-set: write on Interventions, read only on Holidays', async () => {
    const client = await login(emu.get());
    const privileges = async (name: string) => {
      const [r] = await propfind({ url: (await calendarNamed(client, name)).url, props: { 'd:current-user-privilege-set': {} }, depth: '0', headers: client.authHeaders });
      return JSON.stringify(r!.props?.currentUserPrivilegeSet);
    };
    expect(await privileges('Interventions')).toContain('writeContent');
    expect(await privileges('Holidays')).not.toMatch(/write|bind/);
    expect(await privileges('Holidays')).toContain('read');
  });

  it('answers an unknown property 404 in its own propstat, beside the known ones', async () => {
    const answer = await dav(`${emu.get().url}/caldav/principals/alice@example.com/`, {
      method: 'PROPFIND',
      headers: { Depth: '0' },
      body: '<propfind xmlns="DAV:" xmlns:x="urn:example"><prop><displayname/><x:colour/></prop></propfind>',
    });
    const text = await answer.text();
    expect(answer.status).toBe(207);
    expect(text).toContain('<D:displayname>Alice</D:displayname>');
    expect(text).toMatch(/<X:colour xmlns:X="urn:example"\/><\/D:prop><D:status>HTTP\/1.1 404 Not Found/);
  });

  it('refuses Depth: infinity (propfind-finite-depth)', async () => {
    const answer = await dav(`${emu.get().url}/caldav/calendars/alice@example.com/`, { method: 'PROPFIND', headers: { Depth: 'infinity' } });
    expect([answer.status, await answer.text()]).toEqual([403, expect.stringContaining('propfind-finite-depth')]);
  });
});

describe('CalDAV access', () => {
  it('401 with a Basic challenge on a wrong or missing password', async () => {
    const home = `${emu.get().url}/caldav/calendars/alice@example.com/`;
    const wrong = await dav(home, { method: 'PROPFIND', headers: { Depth: '0' }, credentials: { ...ALICE, password: 'nope' } });
    expect([wrong.status, wrong.headers.get('www-authenticate')]).toEqual([401, expect.stringMatching(/^Basic realm=/)]);
    expect((await fetch(home, { method: 'PROPFIND' })).status).toBe(401);
  });

  it('an app password set by control call replaces the demo one at once', async () => {
    await emu.get().control.call('POST', 'caldav/app-password', { email: 'alice@example.com', password: 'fresh-app-password' });
    const home = `${emu.get().url}/caldav/calendars/alice@example.com/`;
    expect((await dav(home, { method: 'PROPFIND', headers: { Depth: '0' } })).status).toBe(401);
    expect((await dav(home, { method: 'PROPFIND', headers: { Depth: '0' }, credentials: { ...ALICE, password: 'fresh-app-password' } })).status).toBe(207);
  });

  it("403 on another person's calendar home", async () => {
    const answer = await dav(`${emu.get().url}/caldav/calendars/bob@example.com/`, { method: 'PROPFIND', headers: { Depth: '1' } });
    expect(answer.status).toBe(403);
  });

  it('an injected fault answers 503 with Retry-After for the next call only, then the write succeeds', async () => {
    const client = await login(emu.get());
    const calendar = await calendarNamed(client, 'Interventions');
    await emu.get().control.addFault({ provider: 'caldav', route: 'caldav.put', status: 503, retryAfterSeconds: 2, times: 1 });
    const failed = await client.createCalendarObject({ calendar, filename: 'a.ics', iCalString: parisEvent('a') });
    expect([failed.status, failed.headers.get('retry-after')]).toEqual([503, '2']);
    expect((await client.createCalendarObject({ calendar, filename: 'a.ics', iCalString: parisEvent('a') })).status).toBe(201);
    const puts = (await emu.get().control.requests()).filter((r) => r.route === 'caldav.put').map((r) => r.status);
    expect(puts).toEqual([503, 201]);
  });

  it('over the per-user quota: 429 with Retry-After', async () => {
    const client = await login(emu.get());
    await emu.get().control.quota({ provider: 'caldav', email: 'alice@example.com', perSecond: 1 });
    const home = `${emu.get().url}/caldav/calendars/alice@example.com/`;
    await dav(home, { method: 'PROPFIND', headers: { Depth: '0' } });
    const throttled = await dav(home, { method: 'PROPFIND', headers: { Depth: '0', ...client.authHeaders } });
    expect([throttled.status, throttled.headers.get('retry-after')]).toEqual([429, '1']);
  });
});
