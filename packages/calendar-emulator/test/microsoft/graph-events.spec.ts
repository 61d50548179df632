// Conformance: Graph calendars and events through @microsoft/microsoft-graph-client, with a
// token from MSAL (signIn in support.ts).
import { describe, expect, it } from 'vitest';
import type { GraphError } from '@microsoft/microsoft-graph-client';
import { useEmulator } from '../helpers/emulator.js';
import { signIn } from './support.js';

const emu = useEmulator();
const PROP = 'String {66f5a359-4659-4830-9070-00040ec6ac6e} Name interventionId';
const slot = (subject: string, extra: Record<string, unknown> = {}) => ({
  subject,
  start: { dateTime: '2026-03-02T09:00:00', timeZone: 'Romance Standard Time' },
  end: { dateTime: '2026-03-02T10:30:00', timeZone: 'Romance Standard Time' },
  ...extra,
});

async function graphError(p: Promise<unknown>): Promise<GraphError> {
  try { await p; } catch (e) { return e as GraphError; }
  throw new Error('expected a Graph error');
}

async function setup() {
  const { graph } = await signIn(emu.get());
  const calendars = (await graph.api('/me/calendars').get()).value as Array<{ id: string; name: string; canEdit: boolean; isDefaultCalendar: boolean }>;
  const byName = (n: string) => calendars.find((c) => c.name === n)!;
  return { graph, calendars, interventions: byName('Interventions'), holidays: byName('Holidays') };
}

describe('Graph calendars', () => {
  it('lists primary, Interventions and read-only Holidays (canEdit false)', async () => {
    const { calendars } = await setup();
    expect(calendars.map((c) => c.name)).toEqual(['Calendar', 'Interventions', 'Holidays']);
    expect(calendars[0].isDefaultCalendar).toBe(true);
    expect(calendars.find((c) => c.name === 'Holidays')!.canEdit).toBe(false);
  });
});

describe('Graph events', () => {
  it('create answers 201 with start/end in UTC, 7 fractional digits, original zone kept', async () => {
    const { graph, interventions } = await setup();
    const ev = await graph.api(`/me/calendars/${interventions.id}/events`).post(slot('Boiler check'));
    expect(ev.start).toEqual({ dateTime: '2026-03-02T08:00:00.0000000', timeZone: 'UTC' });
    expect(ev.originalStartTimeZone).toBe('Romance Standard Time');
    expect(ev['@odata.etag']).toMatch(/^W\/".+"$/);
    expect(ev.createdDateTime).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{7}Z$/);
  });

  it('Prefer: outlook.timezone renders start/end in that zone', async () => {
    const { graph, interventions } = await setup();
    const ev = await graph.api(`/me/calendars/${interventions.id}/events`).post(slot('Boiler check'));
    const got = await graph.api(`/me/events/${ev.id}`).header('Prefer', 'outlook.timezone="Pacific Standard Time"').get();
    expect(got.start).toEqual({ dateTime: '2026-03-02T00:00:00.0000000', timeZone: 'Pacific Standard Time' });
  });

  it('an unknown time zone is refused with 400 TimeZoneNotSupportedException', async () => {
    const { graph, interventions } = await setup();
    const err = await graphError(graph.api(`/me/calendars/${interventions.id}/events`).post({ ...slot('x'), start: { dateTime: '2026-03-02T09:00:00', timeZone: 'Mars/Olympus' } }));
    expect([err.statusCode, err.code]).toEqual([400, 'TimeZoneNotSupportedException']);
  });

  it('a repeated transactionId returns the existing event instead of a duplicate', async () => {
    const { graph, interventions } = await setup();
    const a = await graph.api(`/me/calendars/${interventions.id}/events`).post(slot('Repair', { transactionId: 'intervention-42-v1' }));
    const b = await graph.api(`/me/calendars/${interventions.id}/events`).post(slot('Repair', { transactionId: 'intervention-42-v1' }));
    expect(b.id).toBe(a.id);
    expect(a.transactionId).toBe('intervention-42-v1');
    const list = await graph.api(`/me/calendars/${interventions.id}/events`).get();
    expect(list.value).toHaveLength(1);
  });

  it('transactionId is absent from the payload when the app did not set it', async () => {
    const { graph, interventions } = await setup();
    const ev = await graph.api(`/me/calendars/${interventions.id}/events`).post(slot('No tx'));
    expect('transactionId' in ev).toBe(false);
  });

  it('PATCH changes only the sent properties and a new etag', async () => {
    const { graph, interventions } = await setup();
    const ev = await graph.api(`/me/calendars/${interventions.id}/events`).post(slot('Before', { location: { displayName: 'Lyon' } }));
    const patched = await graph.api(`/me/events/${ev.id}`).patch({ subject: 'After' });
    expect(patched.subject).toBe('After');
    expect(patched.location.displayName).toBe('Lyon');
    expect(patched.start).toEqual(ev.start);
    expect(patched['@odata.etag']).not.toBe(ev['@odata.etag']);
  });

  it('If-Match with a stale etag: 412 ErrorIrresolvableConflict', async () => {
    const { graph, interventions } = await setup();
    const ev = await graph.api(`/me/calendars/${interventions.id}/events`).post(slot('v1'));
    await graph.api(`/me/events/${ev.id}`).patch({ subject: 'v2' });
    const err = await graphError(graph.api(`/me/events/${ev.id}`).header('If-Match', ev['@odata.etag']).patch({ subject: 'v3' }));
    expect([err.statusCode, err.code]).toEqual([412, 'ErrorIrresolvableConflict']);
  });

  it('If-Match with the current etag succeeds', async () => {
    const { graph, interventions } = await setup();
    const ev = await graph.api(`/me/calendars/${interventions.id}/events`).post(slot('v1'));
    const ok = await graph.api(`/me/events/${ev.id}`).header('If-Match', ev['@odata.etag']).patch({ subject: 'v2' });
    expect(ok.subject).toBe('v2');
  });

  it('DELETE answers 204; the event is then 404 ErrorItemNotFound for GET, PATCH and DELETE', async () => {
    const { graph, interventions } = await setup();
    const ev = await graph.api(`/me/calendars/${interventions.id}/events`).post(slot('Gone'));
    await graph.api(`/me/events/${ev.id}`).delete();
    const calls = [() => graph.api(`/me/events/${ev.id}`).get(), () => graph.api(`/me/events/${ev.id}`).patch({ subject: 'x' }), () => graph.api(`/me/events/${ev.id}`).delete()];
    for (const call of calls) {
      const err = await graphError(call());
      expect([err.statusCode, err.code]).toEqual([404, 'ErrorItemNotFound']);
    }
  });

  it('writing to a read-only calendar: 403 ErrorAccessDenied', async () => {
    const { graph, holidays } = await setup();
    const err = await graphError(graph.api(`/me/calendars/${holidays.id}/events`).post(slot('Nope')));
    expect([err.statusCode, err.code]).toEqual([403, 'ErrorAccessDenied']);
  });

  it('an expired access token: 401 InvalidAuthenticationToken', async () => {
    const e = emu.get();
    const { graph } = await signIn(e);
    await e.control.expireTokens('microsoft', 'alice@example.com');
    const err = await graphError(graph.api('/me/calendars').get());
    expect([err.statusCode, err.code]).toEqual([401, 'InvalidAuthenticationToken']);
  });

  it('after a 401, a forced MSAL refresh gives a token Graph accepts again', async () => {
    const e = emu.get();
    const { graph, cca, result, setToken } = await signIn(e);
    await e.control.expireTokens('microsoft', 'alice@example.com');
    expect((await graphError(graph.api('/me/calendars').get())).statusCode).toBe(401);
    setToken((await cca.acquireTokenSilent({ account: result.account!, scopes: ['Calendars.ReadWrite'], forceRefresh: true })).accessToken);
    expect((await graph.api('/me/calendars').get()).value).toHaveLength(3);
  });
});

describe('single-value extended properties', () => {
  it('are never echoed without $expand', async () => {
    const { graph, interventions } = await setup();
    const ev = await graph.api(`/me/calendars/${interventions.id}/events`).post(slot('Tagged', { singleValueExtendedProperties: [{ id: PROP, value: 'int-7' }] }));
    expect(ev.singleValueExtendedProperties).toBeUndefined();
    expect((await graph.api(`/me/events/${ev.id}`).get()).singleValueExtendedProperties).toBeUndefined();
  });

  it('come back with $expand=singleValueExtendedProperties($filter=id eq ...)', async () => {
    const { graph, interventions } = await setup();
    const ev = await graph.api(`/me/calendars/${interventions.id}/events`).post(slot('Tagged', { singleValueExtendedProperties: [{ id: PROP, value: 'int-7' }] }));
    const got = await graph.api(`/me/events/${ev.id}`).expand(`singleValueExtendedProperties($filter=id eq '${PROP}')`).get();
    expect(got.singleValueExtendedProperties).toEqual([{ id: PROP, value: 'int-7' }]);
  });

  it('$filter=singleValueExtendedProperties/Any(...) finds the tagged event only', async () => {
    const { graph, interventions } = await setup();
    await graph.api(`/me/calendars/${interventions.id}/events`).post(slot('Other', { singleValueExtendedProperties: [{ id: PROP, value: 'int-8' }] }));
    const ev = await graph.api(`/me/calendars/${interventions.id}/events`).post(slot('Tagged', { singleValueExtendedProperties: [{ id: PROP, value: 'int-7' }] }));
    const found = await graph.api(`/me/calendars/${interventions.id}/events`).filter(`singleValueExtendedProperties/Any(ep: ep/id eq '${PROP}' and ep/value eq 'int-7')`).get();
    expect(found.value.map((x: { id: string }) => x.id)).toEqual([ev.id]);
  });
});

describe('ids', () => {
  it('Prefer: IdType="ImmutableId" gives an id that survives a move; the default id does not', async () => {
    const e = emu.get();
    const { graph, interventions, calendars } = await setup();
    const ev = await graph.api(`/me/calendars/${interventions.id}/events`).post(slot('Moving'));
    const immutable = (await graph.api(`/me/events/${ev.id}`).header('Prefer', 'IdType="ImmutableId"').get()).id;
    expect(immutable).not.toBe(ev.id);
    await e.control.call('POST', 'microsoft/events/move', { email: 'alice@example.com', eventId: ev.id, calendarId: calendars[0].id });
    expect((await graphError(graph.api(`/me/events/${ev.id}`).get())).statusCode).toBe(404);
    const again = await graph.api(`/me/events/${immutable}`).header('Prefer', 'IdType="ImmutableId"').get();
    expect(again.id).toBe(immutable);
  });
});

describe('routing', () => {
  it('an unknown Graph segment: 400 BadRequest in the Graph envelope', async () => {
    const { graph } = await signIn(emu.get());
    const err = await graphError(graph.api('/me/nonsense').get());
    expect([err.statusCode, err.code]).toEqual([400, 'BadRequest']);
  });

  it('duplicateTransactionId=conflict setting: a repeated transactionId answers 409', async () => {
    const e = emu.get();
    const { graph } = await signIn(e);
    await e.control.call('POST', 'microsoft/settings', { duplicateTransactionId: 'conflict' });
    await graph.api('/me/events').post(slot('a', { transactionId: 't-1' }));
    const err = await graphError(graph.api('/me/events').post(slot('a', { transactionId: 't-1' })));
    expect(err.statusCode).toBe(409);
  });
});

describe('revoked grant', () => {
  it('access tokens of a revoked grant: 401 InvalidAuthenticationToken', async () => {
    const e = emu.get();
    const { graph } = await signIn(e);
    await e.control.revokeGrant('microsoft', 'alice@example.com');
    const err = await graphError(graph.api('/me/calendars').get());
    expect([err.statusCode, err.code]).toEqual([401, 'InvalidAuthenticationToken']);
  });
});

describe('transactionId is immutable', () => {
  it('PATCH with a different transactionId: 400, the event keeps the original', async () => {
    const { graph } = await signIn(emu.get());
    const ev = await graph.api('/me/events').post(slot('a', { transactionId: 't-1' }));
    expect((await graphError(graph.api(`/me/events/${ev.id}`).patch({ transactionId: 't-2' }))).statusCode).toBe(400);
    expect((await graph.api(`/me/events/${ev.id}`).get()).transactionId).toBe('t-1');
  });
});

describe('malformed payload', () => {
  it('invalid JSON: 400 BadRequest in the Graph envelope', async () => {
    const { graph } = await signIn(emu.get());
    const err = await graphError(graph.api('/me/events').header('Content-Type', 'application/json').post('{"subject": '));
    expect([err.statusCode, err.code]).toEqual([400, 'BadRequest']);
  });
});
