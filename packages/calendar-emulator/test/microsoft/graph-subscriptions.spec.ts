// Conformance: Graph change notifications through @microsoft/microsoft-graph-client and a
// local webhook receiver: validation handshake, notification payloads, expiry, renewal,
// retries, delivery faults and lifecycle notifications.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Client, GraphError } from '@microsoft/microsoft-graph-client';
import { useEmulator } from '../helpers/emulator.js';
import { signIn } from './support.js';
import { startReceiver, until, type Receiver } from './webhook-receiver.js';

const emu = useEmulator();
let rx: Receiver;
beforeAll(async () => { rx = await startReceiver(); });
afterAll(() => rx.close());
beforeEach(() => rx.reset());

const MIN = 60_000;
const inMinutes = (m: number) => new Date(Date.now() + m * MIN).toISOString();
const slot = { subject: 'Visit', start: { dateTime: '2026-03-02T09:00:00', timeZone: 'UTC' }, end: { dateTime: '2026-03-02T10:00:00', timeZone: 'UTC' } };
const control = (method: string, path: string, body?: unknown) => emu.get().control.call(method, `microsoft/subscriptions${path}`, body) as Promise<any>; // eslint-disable-line @typescript-eslint/no-explicit-any -- control JSON
const subscribe = (graph: Client, extra: Record<string, unknown> = {}) => graph.api('/subscriptions').post({
  changeType: 'created,updated,deleted', notificationUrl: rx.url(), resource: 'me/events', expirationDateTime: inMinutes(60), clientState: 'secret-1', ...extra,
});
async function graphError(p: Promise<unknown>): Promise<GraphError> {
  try { await p; } catch (e) { return e as GraphError; }
  throw new Error('expected a Graph error');
}

describe('subscription creation and the validation handshake', () => {
  it('POSTs ?validationToken (text/plain) before answering 201; then notifies created/updated/deleted', async () => {
    const { graph } = await signIn(emu.get());
    const sub = await subscribe(graph);
    expect(sub).toMatchObject({ resource: 'me/events', changeType: 'created,updated,deleted', notificationUrl: rx.url(), clientState: 'secret-1' });
    const handshake = rx.received[0];
    expect(handshake.query.get('validationToken')).toMatch(/^Validation: /);
    expect(handshake.contentType).toMatch(/^text\/plain/);

    const ev = await graph.api('/me/events').post(slot);
    await until(() => rx.notifications().length === 1);
    expect(rx.notifications()[0]).toMatchObject({
      subscriptionId: sub.id, changeType: 'created', clientState: 'secret-1', tenantId: expect.any(String),
      resourceData: { '@odata.type': '#Microsoft.Graph.Event', id: ev.id, '@odata.etag': ev['@odata.etag'] },
    });
    expect(rx.notifications()[0].resource).toMatch(new RegExp(`^Users/[^/]+/Events/${ev.id.replace(/[=+]/g, '\\$&')}$`));
    const updated = await graph.api(`/me/events/${ev.id}`).patch({ subject: 'Visit (moved)' });
    await graph.api(`/me/events/${ev.id}`).delete();
    await until(() => rx.notifications().length === 3);
    expect(rx.notifications().map((n) => n.changeType)).toEqual(['created', 'updated', 'deleted']);
    expect((rx.notifications()[1].resourceData as { '@odata.etag': string })['@odata.etag']).toBe(updated['@odata.etag']);
  });

  it('refuses (400) an endpoint that does not echo the decoded token, or fails, or hangs; nothing is created', async () => {
    const { graph } = await signIn(emu.get());
    rx.validation = 'echo-raw';
    const raw = await graphError(subscribe(graph));
    expect([raw.statusCode, raw.code]).toEqual([400, 'ValidationError']);
    expect(raw.message).toContain('must exactly match validationToken');
    rx.validation = 'fail';
    expect((await graphError(subscribe(graph))).message).toContain('must respond with 200 OK');
    rx.validation = 'hang';
    await control('POST', '/settings', { validationTimeoutMs: 300 });
    const hung = await graphError(subscribe(graph));
    expect([hung.statusCode, hung.message]).toEqual([400, 'Subscription validation request timed out.']);
    expect((await graph.api('/subscriptions').get()).value).toEqual([]);
  });

  it('refuses an expiration beyond 4230 minutes with the Graph error; a plain-http public URL too', async () => {
    const { graph } = await signIn(emu.get());
    const err = await graphError(subscribe(graph, { expirationDateTime: inMinutes(4232) }));
    expect([err.statusCode, err.code, err.message]).toEqual([400, 'ExtensionError', 'Subscription expiration can only be 4230 minutes in the future.']);
    expect((await graphError(subscribe(graph, { notificationUrl: 'http://example.com/notify' }))).statusCode).toBe(400);
    expect(rx.received).toEqual([]);
  });

  it('me/events watches the default calendar only; calendars/{id}/events watches that calendar', async () => {
    const { graph } = await signIn(emu.get());
    const cals = (await graph.api('/me/calendars').get()).value as Array<{ id: string; name: string }>;
    const interventions = cals.find((c) => c.name === 'Interventions')!;
    await subscribe(graph);
    const perCal = await subscribe(graph, { resource: `me/calendars/${interventions.id}/events`, notificationUrl: rx.url('/jobs') });
    await graph.api(`/me/calendars/${interventions.id}/events`).post(slot);
    await until(() => rx.notifications('/jobs').length === 1);
    await new Promise((r) => setTimeout(r, 100));
    expect(rx.notifications('/notify')).toEqual([]);
    expect(rx.notifications('/jobs')[0].subscriptionId).toBe(perCal.id);
  });
});

describe('expiry and renewal', () => {
  it('renews by PATCH expirationDateTime; beyond the maximum is refused and changes nothing', async () => {
    const { graph } = await signIn(emu.get());
    const sub = await subscribe(graph);
    const later = inMinutes(4000);
    const renewed = await graph.api(`/subscriptions/${sub.id}`).patch({ expirationDateTime: later });
    expect(Date.parse(renewed.expirationDateTime)).toBe(Date.parse(later));
    const err = await graphError(graph.api(`/subscriptions/${sub.id}`).patch({ expirationDateTime: inMinutes(5000) }));
    expect([err.statusCode, err.code]).toEqual([400, 'ExtensionError']);
    expect(Date.parse((await graph.api(`/subscriptions/${sub.id}`).get()).expirationDateTime)).toBe(Date.parse(later));
    const lifecycle = await graphError(graph.api(`/subscriptions/${sub.id}`).patch({ lifecycleNotificationUrl: rx.url('/life') }));
    expect(lifecycle.statusCode).toBe(400);
  });

  it('an expired subscription stops delivering (emulator clock) and is gone (404)', async () => {
    const e = emu.get();
    const { graph } = await signIn(e);
    const sub = await subscribe(graph, { expirationDateTime: inMinutes(30) });
    await e.control.advanceClock(31 * MIN);
    await graph.api('/me/events').post(slot);
    await new Promise((r) => setTimeout(r, 200));
    expect(rx.notifications()).toEqual([]);
    expect((await graphError(graph.api(`/subscriptions/${sub.id}`).get())).statusCode).toBe(404);
    const listed = await control('GET', '');
    expect(listed.subscriptions[0]).toMatchObject({ id: sub.id, live: false });
  });

  it('DELETE stops notifications (204)', async () => {
    const { graph } = await signIn(emu.get());
    const sub = await subscribe(graph);
    await graph.api(`/subscriptions/${sub.id}`).delete();
    await graph.api('/me/events').post(slot);
    await new Promise((r) => setTimeout(r, 200));
    expect(rx.notifications()).toEqual([]);
  });
});

describe('delivery', () => {
  it('a failing receiver gets retries with backoff until it answers 2xx; every attempt is logged', async () => {
    const { graph } = await signIn(emu.get());
    await control('POST', '/settings', { retryDelaysMs: [50, 100, 200] });
    const sub = await subscribe(graph);
    rx.answers = [500, 503];
    await graph.api('/me/events').post(slot);
    await until(() => rx.notifications().length === 3);
    const log = (await control('GET', '')).deliveries.filter((d: { kind: string }) => d.kind === 'notification');
    expect(log.map((d: { attempt: number; status: number; outcome: string }) => [d.attempt, d.status, d.outcome])).toEqual([[1, 500, 'retrying'], [2, 503, 'retrying'], [3, 202, 'delivered']]);
    expect(new Set(rx.notifications().map((n) => JSON.stringify(n))).size).toBe(1);
    expect(log[0].subscriptionId).toBe(sub.id);
  });

  it('gives up after the last retry (dropped)', async () => {
    const { graph } = await signIn(emu.get());
    await control('POST', '/settings', { retryDelaysMs: [20] });
    await subscribe(graph);
    rx.answers = [500, 500, 500];
    await graph.api('/me/events').post(slot);
    await until(() => rx.notifications().length === 2);
    await new Promise((r) => setTimeout(r, 100));
    const log = (await control('GET', '')).deliveries.filter((d: { kind: string }) => d.kind === 'notification');
    expect(log.map((d: { outcome: string }) => d.outcome)).toEqual(['retrying', 'dropped']);
  });

  it('delivery faults: receiver down fails the attempt without reaching it; slow past the ack timeout counts as failed and is retried', async () => {
    const { graph } = await signIn(emu.get());
    await control('POST', '/settings', { retryDelaysMs: [20, 20], ackTimeoutMs: 300 });
    await subscribe(graph);
    await control('POST', '/faults', { mode: 'down', times: 1 });
    await graph.api('/me/events').post(slot);
    await until(() => rx.notifications().length === 1);
    let log = (await control('GET', '')).deliveries.filter((d: { kind: string }) => d.kind === 'notification');
    expect(log.map((d: { status: number; fault?: string }) => [d.status, d.fault])).toEqual([[0, 'down'], [202, undefined]]);
    await control('POST', '/faults', { mode: 'slow', latencyMs: 150, times: 1 });
    await graph.api('/me/events').post(slot);
    await until(() => rx.notifications().length === 2);
    log = (await control('GET', '')).deliveries.filter((d: { kind: string }) => d.kind === 'notification');
    expect(log[2]).toMatchObject({ fault: 'slow', status: 202, outcome: 'delivered' });
    expect(log[2].durationMs).toBeGreaterThanOrEqual(140);
    // Past the 300 ms ack window: failed and retried, and the late copy still arrives.
    await control('POST', '/faults', { mode: 'slow', latencyMs: 400, times: 1 });
    await graph.api('/me/events').post(slot);
    await until(() => rx.notifications().length === 4);
    log = (await control('GET', '')).deliveries.filter((d: { kind: string }) => d.kind === 'notification');
    expect(log.slice(3).map((d: { status: number; outcome: string }) => [d.status, d.outcome])).toEqual([[0, 'retrying'], [202, 'delivered']]);
  });
});

describe('lifecycle notifications', () => {
  it('validates the lifecycle URL too, then sends reauthorizationRequired / subscriptionRemoved there', async () => {
    const { graph } = await signIn(emu.get());
    const sub = await subscribe(graph, { lifecycleNotificationUrl: rx.url('/life') });
    expect(rx.received.filter((r) => r.path === '/life' && r.query.has('validationToken'))).toHaveLength(1);
    await control('POST', '/lifecycle', { subscriptionId: sub.id, lifecycleEvent: 'reauthorizationRequired' });
    expect(rx.notifications('/life')[0]).toMatchObject({ subscriptionId: sub.id, lifecycleEvent: 'reauthorizationRequired', clientState: 'secret-1' });
    await graph.api(`/subscriptions/${sub.id}/reauthorize`).post({});
    await control('POST', '/lifecycle', { subscriptionId: sub.id, lifecycleEvent: 'subscriptionRemoved' });
    expect(rx.notifications('/life').map((n) => n.lifecycleEvent)).toEqual(['reauthorizationRequired', 'subscriptionRemoved']);
    expect((await graphError(graph.api(`/subscriptions/${sub.id}`).get())).statusCode).toBe(404);
  });
});
