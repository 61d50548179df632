// Conformance: organisation-wide (app-only) access through the official libraries. An admin
// consents at /{tenant}/adminconsent, the app gets tokens by client credentials (MSAL's
// ConfidentialClientApplication.acquireTokenByClientCredential) and calls Graph on
// /users/{id | userPrincipalName}/... with the Graph SDK; an application access policy
// limits the mailboxes; a withdrawn consent stops both the grant and the tokens.
import { describe, expect, it } from 'vitest';
import type { GraphError } from '@microsoft/microsoft-graph-client';
import { Agent } from 'undici';
import { useEmulator } from '../helpers/emulator.js';
import { defaultClient, graphClient, msalClient, signIn } from './support.js';
import { startReceiver, until } from './webhook-receiver.js';

const emu = useEmulator();
const TENANT = '72f988bf-0000-4000-8000-00000000e111';
const GRAPH_DEFAULT = ['https://graph.microsoft.com/.default'];
const CALLBACK = 'http://localhost:3000/api/v1/admin/organisation-connections/microsoft/callback';
const slot = (subject: string) => ({
  subject,
  start: { dateTime: '2026-03-02T09:00:00', timeZone: 'UTC' },
  end: { dateTime: '2026-03-02T10:00:00', timeZone: 'UTC' },
});

async function failure(p: Promise<unknown>): Promise<GraphError & { errorCode?: string; errorNo?: string }> {
  try { await p; } catch (e) { return e as GraphError; }
  throw new Error('expected a failure');
}

const decodeClaims = (jwt: string) => JSON.parse(Buffer.from(jwt.split('.')[1]!, 'base64url').toString('utf8')) as Record<string, unknown>;

/** What the admin's browser does on the consent URL: the redirect back to the app. */
async function adminConsent(origin: string, clientId: string, path = 'adminconsent'): Promise<URL> {
  const url = new URL(`${origin}/${TENANT}/${path}`);
  url.search = new URLSearchParams({ client_id: clientId, redirect_uri: CALLBACK, state: 'xyz', scope: GRAPH_DEFAULT[0]! }).toString();
  const res = await fetch(url, { redirect: 'manual', dispatcher: new Agent({ connect: { ca: emu.get().caPem } }) } as RequestInit);
  expect(res.status).toBe(302);
  return new URL(res.headers.get('location')!);
}

async function appGraph() {
  const setup = await defaultClient(emu.get());
  const cca = msalClient(emu.get(), { ...setup, tenant: TENANT });
  const result = await cca.acquireTokenByClientCredential({ scopes: GRAPH_DEFAULT });
  return { cca, token: result!.accessToken, graph: graphClient(emu.get(), async () => result!.accessToken) };
}

describe('admin consent', () => {
  it('redirects back with admin_consent=True, the tenant id and the state (v1 and v2 forms, both origins)', async () => {
    const { clientId } = await defaultClient(emu.get());
    const back = await adminConsent(emu.get().url, clientId);
    expect(back.origin + back.pathname).toBe(CALLBACK);
    expect(Object.fromEntries(back.searchParams)).toEqual({ admin_consent: 'True', tenant: TENANT, state: 'xyz' });
    const v2 = await adminConsent(emu.get().httpsUrl, clientId, 'v2.0/adminconsent');
    expect(v2.searchParams.get('scope')).toBe(GRAPH_DEFAULT[0]);
  });

  it('a refusing admin comes back with error=access_denied', async () => {
    await emu.get().control.consent('deny', 'microsoft');
    const back = await adminConsent(emu.get().url, (await defaultClient(emu.get())).clientId);
    expect(back.searchParams.get('error')).toBe('access_denied');
    expect(back.searchParams.get('admin_consent')).toBeNull();
  });
});

describe('client credentials (app-only tokens)', () => {
  it('without admin consent the grant is refused (AADSTS7000229, invalid_client)', async () => {
    const e = await failure(appGraph());
    expect(e.errorCode).toBe('invalid_client');
    expect(String(e.message)).toContain('AADSTS7000229');
  });

  it('after consent: a token with roles and no scp; Graph on /users/{upn} and /users/{id} acts as that mailbox', async () => {
    await adminConsent(emu.get().url, (await defaultClient(emu.get())).clientId);
    const { token, graph } = await appGraph();
    const claims = decodeClaims(token);
    expect(claims.roles).toEqual(['Calendars.ReadWrite']);
    expect(claims.idtyp).toBe('app');
    expect(claims).not.toHaveProperty('scp');
    expect(claims).not.toHaveProperty('upn');

    const bob = await graph.api('/users/bob@example.com').get();
    expect(bob.mail).toBe('bob@example.com');
    const calendars = (await graph.api(`/users/${bob.id}/calendars`).get()).value as { id: string; name: string }[];
    expect(calendars.map((c) => c.name)).toEqual(['Calendar', 'Interventions', 'Holidays']);
    const made = await graph.api('/users/bob@example.com/calendars').post({ name: 'Jobs' });
    expect([made.name, made.canEdit, made.isDefaultCalendar]).toEqual(['Jobs', true, false]);
    const again = await failure(graph.api('/users/bob@example.com/calendars').post({ name: 'jobs' }));
    expect([again.statusCode, again.code]).toEqual([409, 'ErrorFolderExists']);
    const created = await graph.api('/users/bob@example.com/calendar/events').post(slot('Boiler'));
    const fetched = await graph.api(`/users/${bob.id}/events/${created.id}`).get();
    expect(fetched.subject).toBe('Boiler');
    await graph.api(`/users/bob@example.com/events/${created.id}`).patch({ subject: 'Boiler (2)' });
    const { graph: bobsOwn } = await signIn(emu.get(), 'bob@example.com');
    const seenByBob = (await bobsOwn.api('/me/events').get()).value as { subject: string }[];
    expect(seenByBob.map((e) => e.subject)).toEqual(['Boiler (2)']);
    await graph.api(`/users/bob@example.com/events/${created.id}`).delete();
    expect((await bobsOwn.api('/me/events').get()).value).toEqual([]);
  });

  it('delta rounds work under /users/{id} too', async () => {
    await emu.get().control.call('POST', 'microsoft/admin-consent', {});
    const { graph } = await appGraph();
    await graph.api('/users/alice@example.com/calendar/events').post(slot('Visit'));
    const page = await graph.api('/users/alice@example.com/calendarView/delta')
      .query({ startDateTime: '2026-03-01T00:00:00Z', endDateTime: '2026-03-31T00:00:00Z' }).get();
    expect(page.value.map((e: { subject: string }) => e.subject)).toEqual(['Visit']);
    expect(page['@odata.deltaLink']).toBeTruthy();
  });

  it('an app-only token cannot call /me (400); an unknown mailbox is 404 ErrorInvalidUser', async () => {
    await emu.get().control.call('POST', 'microsoft/admin-consent', {});
    const { graph } = await appGraph();
    const me = await failure(graph.api('/me/calendars').get());
    expect(me.statusCode).toBe(400);
    const unknown = await failure(graph.api('/users/nobody@example.com/calendars').get());
    expect([unknown.statusCode, unknown.code]).toEqual([404, 'ErrorInvalidUser']);
  });

  it('a delegated token reaches its own mailbox under /users/{id}, not another one (403)', async () => {
    const { graph } = await signIn(emu.get(), 'alice@example.com');
    expect((await graph.api('/users/alice@example.com/calendars').get()).value).toHaveLength(3);
    const other = await failure(graph.api('/users/bob@example.com/calendars').get());
    expect([other.statusCode, other.code]).toEqual([403, 'ErrorAccessDenied']);
  });

  it('an application access policy limits the mailboxes: outside it, 403 ErrorAccessDenied', async () => {
    await emu.get().control.call('POST', 'microsoft/admin-consent', {});
    await emu.get().control.call('POST', 'microsoft/access-policy', { mailboxes: ['alice@example.com'] });
    const { graph } = await appGraph();
    expect((await graph.api('/users/alice@example.com/calendars').get()).value).toHaveLength(3);
    const blocked = await failure(graph.api('/users/bob@example.com/calendar/events').post(slot('x')));
    expect([blocked.statusCode, blocked.code]).toEqual([403, 'ErrorAccessDenied']);
    await emu.get().control.call('POST', 'microsoft/access-policy', { mailboxes: null });
    expect((await graph.api('/users/bob@example.com/calendars').get()).value).toHaveLength(3);
  });

  it('subscriptions name the mailbox (users/{upn}/calendars/{id}/events): not me (400), not outside the policy (403); listed and deleted by the app', async () => {
    await emu.get().control.call('POST', 'microsoft/admin-consent', {});
    await emu.get().control.call('POST', 'microsoft/access-policy', { mailboxes: ['alice@example.com'] });
    const { graph } = await appGraph();
    const rx = await startReceiver();
    try {
      const calendar = (await graph.api('/users/alice@example.com/calendars').get()).value.find((c: { isDefaultCalendar: boolean }) => c.isDefaultCalendar);
      const subscribe = (resource: string) => graph.api('/subscriptions').post({
        changeType: 'created,updated,deleted', notificationUrl: rx.url(), resource, expirationDateTime: new Date(Date.now() + 3_600_000).toISOString(), clientState: 's',
      });
      const sub = await subscribe(`users/alice@example.com/calendars/${calendar.id}/events`);
      await graph.api('/users/alice@example.com/calendar/events').post(slot('Visit'));
      await until(() => rx.notifications().length === 1);
      expect(rx.notifications()[0]).toMatchObject({ subscriptionId: sub.id, changeType: 'created', clientState: 's' });
      expect((await failure(subscribe('me/events'))).statusCode).toBe(400);
      expect([(await failure(subscribe('users/bob@example.com/events'))).statusCode]).toEqual([403]);
      expect((await graph.api('/subscriptions').get()).value.map((s: { id: string }) => s.id)).toEqual([sub.id]);
      await graph.api(`/subscriptions/${sub.id}`).delete();
      expect((await graph.api('/subscriptions').get()).value).toEqual([]);
    } finally {
      await rx.close();
    }
  });

  it('consent withdrawn: outstanding app tokens get 401 and a new grant is refused', async () => {
    await emu.get().control.call('POST', 'microsoft/admin-consent', {});
    const { graph } = await appGraph();
    await graph.api('/users/alice@example.com/calendars').get();
    await emu.get().control.call('DELETE', 'microsoft/admin-consent', {});
    const rejected = await failure(graph.api('/users/alice@example.com/calendars').get());
    expect(rejected.statusCode).toBe(401);
    const refused = await failure(appGraph());
    expect(String(refused.message)).toContain('AADSTS7000229');
  });

  it('a client-credentials request must name the tenant and ask for /.default', async () => {
    await emu.get().control.call('POST', 'microsoft/admin-consent', {});
    const setup = await defaultClient(emu.get());
    // MSAL refuses /common itself; a client that asks anyway gets AADSTS900023.
    const common = await failure(msalClient(emu.get(), setup).acquireTokenByClientCredential({ scopes: GRAPH_DEFAULT }));
    expect(common.errorCode).toBe('missing_tenant_id_error');
    const raw = await fetch(`${emu.get().httpsUrl}/common/oauth2/v2.0/token`, {
      method: 'POST',
      body: new URLSearchParams({ grant_type: 'client_credentials', client_id: setup.clientId, client_secret: setup.clientSecret, scope: GRAPH_DEFAULT[0]! }),
      dispatcher: new Agent({ connect: { ca: emu.get().caPem } }),
    } as RequestInit);
    expect([raw.status, ((await raw.json()) as { error_codes: number[] }).error_codes]).toEqual([400, [900023]]);
    const scoped = await failure(msalClient(emu.get(), { ...setup, tenant: TENANT }).acquireTokenByClientCredential({ scopes: ['Calendars.ReadWrite'] }));
    expect(String(scoped.message)).toContain('AADSTS1002012');
  });
});
