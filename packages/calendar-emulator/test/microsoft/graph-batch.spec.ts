// Conformance: Graph JSON batching through @microsoft/microsoft-graph-client.
import { describe, expect, it } from 'vitest';
import { BatchRequestContent, BatchResponseContent, type GraphError } from '@microsoft/microsoft-graph-client';
import { useEmulator } from '../helpers/emulator.js';
import { signIn } from './support.js';

const emu = useEmulator();
const JSON_HEADERS = { 'Content-Type': 'application/json' };
const ev = (subject: string) => ({
  subject,
  start: { dateTime: '2026-03-02T09:00:00', timeZone: 'UTC' },
  end: { dateTime: '2026-03-02T10:00:00', timeZone: 'UTC' },
});
type Inner = { id: string; status: number; headers?: Record<string, string>; body?: { error: { code: string } } };

describe('$batch', () => {
  it('runs inner requests and answers 200 with each inner status (SDK BatchRequestContent)', async () => {
    const { graph } = await signIn(emu.get());
    const content = new BatchRequestContent([
      { id: '1', request: new Request('https://x/me/events', { method: 'POST', body: JSON.stringify(ev('one')), headers: JSON_HEADERS }) },
      { id: '2', request: new Request('https://x/me/events/does-not-exist', { method: 'GET' }) },
    ]);
    const raw = await graph.api('/$batch').post(await content.getContent());
    const res = new BatchResponseContent(raw);
    expect(res.getResponseById('1')!.status).toBe(201);
    expect(res.getResponseById('2')!.status).toBe(404);
  });

  it('more than 20 requests: 400 for the whole batch', async () => {
    const { graph } = await signIn(emu.get());
    const requests = Array.from({ length: 21 }, (_, i) => ({ id: String(i + 1), method: 'GET', url: '/me/calendars' }));
    let err: GraphError | undefined;
    try { await graph.api('/$batch').post({ requests }); } catch (e) { err = e as GraphError; }
    expect(err?.statusCode).toBe(400);
  });

  it('a body without Content-Type: 400 for the whole batch', async () => {
    const { graph } = await signIn(emu.get());
    let err: GraphError | undefined;
    try { await graph.api('/$batch').post({ requests: [{ id: '1', method: 'POST', url: '/me/events', body: ev('x') }] }); } catch (e) { err = e as GraphError; }
    expect(err?.statusCode).toBe(400);
  });

  it('dependsOn on a failed request gives 424 and the dependent does not run', async () => {
    const e = emu.get();
    const { graph } = await signIn(e);
    const { responses } = (await graph.api('/$batch').post({ requests: [
      { id: '1', method: 'PATCH', url: '/me/events/unknown-id', headers: JSON_HEADERS, body: { subject: 'x' } },
      { id: '2', method: 'POST', url: '/me/events', headers: JSON_HEADERS, body: ev('after'), dependsOn: ['1'] },
    ] })) as { responses: Inner[] };
    const byId = Object.fromEntries(responses.map((r) => [r.id, r]));
    expect(byId['1'].status).toBe(404);
    expect(byId['2'].status).toBe(424);
    expect((await graph.api('/me/events').get()).value).toHaveLength(0);
  });

  it('each inner request is authenticated, routed and logged on its own', async () => {
    const e = emu.get();
    const { graph } = await signIn(e);
    await graph.api('/$batch').post({ requests: [
      { id: 'a', method: 'POST', url: '/me/events', headers: JSON_HEADERS, body: ev('a') },
      { id: 'b', method: 'GET', url: '/me/calendars' },
    ] });
    const inner = (await e.control.requests()).filter((r) => r.inner);
    expect(inner.map((r) => r.route).sort()).toEqual(['graph.calendars.list', 'graph.events.create']);
    expect(inner.every((r) => r.user === 'alice@example.com')).toBe(true);
  });

  it('each inner request counts against quota: inner 429 with Retry-After inside an outer 200', async () => {
    const e = emu.get();
    const { graph } = await signIn(e);
    await e.control.quota({ provider: 'microsoft', email: 'alice@example.com', perSecond: 2 });
    const { responses } = (await graph.api('/$batch').post({ requests: ['1', '2', '3', '4'].map((id) => ({ id, method: 'GET', url: '/me/calendars' })) })) as { responses: Inner[] };
    const throttled = responses.filter((r) => r.status === 429);
    expect(throttled).toHaveLength(2);
    expect(throttled[0].headers?.['Retry-After']).toBeTruthy();
    expect(throttled[0].body?.error.code).toBe('ApplicationThrottled');
  });

  it('an injected fault hits the inner request it names', async () => {
    const e = emu.get();
    const { graph } = await signIn(e);
    await e.control.addFault({ provider: 'microsoft', route: 'graph.events.create', status: 503, times: 1 });
    const { responses } = (await graph.api('/$batch').post({ requests: [
      { id: '1', method: 'POST', url: '/me/events', headers: JSON_HEADERS, body: ev('a') },
      { id: '2', method: 'GET', url: '/me/calendars' },
    ] })) as { responses: Inner[] };
    const byId = Object.fromEntries(responses.map((r) => [r.id, r]));
    expect(byId['1'].status).toBe(503);
    expect(byId['2'].status).toBe(200);
  });
});
