// Fault injection and quota seen through the official Microsoft libraries: the Graph SDK's
// RetryHandler honouring Retry-After, MSAL's throttling cache on the token endpoint.
import { describe, expect, it } from 'vitest';
import { RetryHandlerOptions, type GraphError } from '@microsoft/microsoft-graph-client';
import { useEmulator } from '../helpers/emulator.js';
import { signIn, SCOPES } from './support.js';

const emu = useEmulator();
const ev = { subject: 'x', start: { dateTime: '2026-03-02T09:00:00', timeZone: 'UTC' }, end: { dateTime: '2026-03-02T10:00:00', timeZone: 'UTC' } };
const noRetry = [new RetryHandlerOptions(0, 0)];

async function graphError(p: Promise<unknown>): Promise<GraphError> {
  try { await p; } catch (e) { return e as GraphError; }
  throw new Error('expected a Graph error');
}

describe('Graph throttling and faults', () => {
  it('over quota: 429 ApplicationThrottled with Retry-After', async () => {
    const e = emu.get();
    const { graph } = await signIn(e);
    await e.control.quota({ provider: 'microsoft', email: 'alice@example.com', perSecond: 1 });
    await graph.api('/me/calendars').get();
    const err = await graphError(graph.api('/me/calendars').middlewareOptions(noRetry).get());
    expect([err.statusCode, err.code]).toEqual([429, 'ApplicationThrottled']);
    expect(err.headers?.get('retry-after')).toBe('1');
  });

  it("the SDK's RetryHandler waits Retry-After on a 429 and the create then succeeds, once", async () => {
    const e = emu.get();
    const { graph } = await signIn(e);
    await e.control.addFault({ provider: 'microsoft', route: 'graph.events.create', status: 429, retryAfterSeconds: 1, times: 1 });
    const started = Date.now();
    const created = await graph.api('/me/events').post(ev);
    expect(Date.now() - started).toBeGreaterThanOrEqual(900);
    expect(created.id).toBeTruthy();
    const creates = (await e.control.requests()).filter((r) => r.route === 'graph.events.create').map((r) => r.status);
    expect(creates).toEqual([429, 201]);
    expect((await graph.api('/me/events').get()).value).toHaveLength(1);
  });

  it('a fault for the next N calls fails exactly N calls', async () => {
    const e = emu.get();
    const { graph } = await signIn(e);
    await e.control.addFault({ provider: 'microsoft', route: 'graph.calendars.list', status: 503, times: 2 });
    const statuses: number[] = [];
    for (let i = 0; i < 3; i++) {
      try {
        await graph.api('/me/calendars').middlewareOptions(noRetry).get();
        statuses.push(200);
      } catch (err) {
        statuses.push((err as GraphError).statusCode);
      }
    }
    expect(statuses).toEqual([503, 503, 200]);
  });

  it('a connection-reset fault surfaces as a network error in the SDK', async () => {
    const e = emu.get();
    const { graph } = await signIn(e);
    await e.control.addFault({ provider: 'microsoft', route: 'graph.calendars.list', reset: true, times: 1 });
    await expect(graph.api('/me/calendars').middlewareOptions(noRetry).get()).rejects.toThrow();
    expect((await graph.api('/me/calendars').get()).value).toHaveLength(3);
  });
});

describe('MSAL throttling cache', () => {
  it('after a 429 with Retry-After from the token endpoint, MSAL fails the same request locally', async () => {
    const e = emu.get();
    const { cca, result } = await signIn(e);
    await e.control.addFault({ provider: 'microsoft', route: 'token', status: 429, retryAfterSeconds: 60, times: 1 });
    await expect(cca.acquireTokenSilent({ account: result.account!, scopes: SCOPES, forceRefresh: true })).rejects.toThrow();
    await expect(cca.acquireTokenSilent({ account: result.account!, scopes: SCOPES, forceRefresh: true })).rejects.toThrow();
    const tokenCalls = (await e.control.requests()).filter((r) => r.route === 'token').map((r) => r.status);
    // One code redemption, one throttled refresh; the second refresh never reached the emulator.
    expect(tokenCalls).toEqual([200, 429]);
  });
});
