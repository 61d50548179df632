// Org-wide Microsoft 365 connection end to end: the admin consents once for the company
// (admin consent + client credentials through MSAL, against the emulator), and every covered
// technician's interventions are written into their mailbox by /users/{email} Graph calls,
// through the same outbox, planner and worker as a personal connection.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startEmulatedTestApp, type EmulatedTestApp } from './support/calendar-emulator';
import { interventionBody } from './support/intervention-body';
import { organisationHelpers } from './support/organisation-helpers';
import { syncHelpers } from './support/sync-helpers';

const ALICE = 'alice@example.com';
const BOB = 'bob@example.com';
const TENANT = '72f988bf-0000-4000-8000-00000000e111';
const logLines: string[] = [];
let t: EmulatedTestApp;
const org = organisationHelpers(() => t);
const sync = syncHelpers(() => t);
let ids: Record<string, string>;

beforeAll(async () => {
  t = await startEmulatedTestApp({ LOG_LEVEL: 'trace' }, { logs: { write: (line) => void logLines.push(line) } });
  const users = await t.prisma.user.findMany({ where: { email: { in: [ALICE, BOB] } } });
  ids = Object.fromEntries(users.map((u) => [u.email, u.id]));
});
afterAll(() => t?.close());
beforeEach(async () => {
  await t.emu.control.reset();
  await t.http.delete('/api/v1/admin/organisation-connections/microsoft').set('Authorization', await org.admin()).expect(204);
  // Settings outlive a disconnect (kept for next time): back to every technician, primary calendar.
  await t.http.post('/api/v1/admin/organisation-connections/microsoft/settings').set('Authorization', await org.admin()).send({ coverAll: true, calendarName: null }).expect(200);
  for (const email of [ALICE, BOB]) {
    await t.http.delete('/api/v1/integrations/microsoft?removeEvents=false').set('Authorization', await sync.auth(email)).expect(204);
  }
  await t.prisma.syncJob.deleteMany();
  await t.prisma.interventionSync.deleteMany();
});

/** How many interventions the worker wrote for this person (one event each, or a duplicate). */
const written = (email: string) => t.prisma.interventionSync.count({ where: { integration: { userId: ids[email] }, status: 'SYNCED' } });
const dispatch = async () => `Bearer ${await t.tokenFor('dispatch@example.com')}`;
const createFor = async (email: string, title: string) =>
  (await t.http.post('/api/v1/interventions').set('Authorization', await dispatch()).send(interventionBody({ technicianId: ids[email], title })).expect(201)).body as { id: string };
const graphCallsFor = async (email: string) => (await t.emu.control.requests()).filter((r) => r.path.includes(`/users/${encodeURIComponent(email)}`)).length;

describe('org-wide Microsoft 365 connection', () => {
  it("the admin connects the company: alice's and bob's interventions appear in their calendars without either connecting", async () => {
    const landing = await org.connectMicrosoft();
    expect(landing.pathname).toBe('/admin');
    expect(Object.fromEntries(landing.searchParams)).toEqual({ organisation: 'microsoft', result: 'connected' });
    expect((await org.connections()).find((c) => c.provider === 'microsoft')).toMatchObject({ status: 'CONNECTED', tenant: TENANT, lastError: null });
    expect(await org.technicians('microsoft')).toEqual({ [ALICE]: 'SYNCED', [BOB]: 'SYNCED' });

    await sync.drain();
    for (const email of [ALICE, BOB]) {
      const events = await org.eventsOf('microsoft', email);
      expect(events.length).toBeGreaterThan(0);
      expect(events.length).toBe(await written(email));
      expect(new Set(events.map((e) => e.calendar))).toEqual(new Set(['Calendar']));
    }
    const card = await sync.integration(ALICE, 'microsoft');
    expect(card).toMatchObject({ status: 'CONNECTED', managedBy: 'organisation', calendarName: 'Calendar', accountEmail: ALICE, supersededAccountEmail: null });
    // Managed by the company: no personal connect, no disconnect.
    await t.http.get('/api/v1/integrations/microsoft/auth').set('Authorization', await sync.auth(ALICE)).expect(409);
    await t.http.delete('/api/v1/integrations/microsoft').set('Authorization', await sync.auth(ALICE)).expect(409);

    // Day to day: a new intervention goes to bob's calendar through the outbox.
    await createFor(BOB, 'Boiler service (org-wide)');
    await sync.drain();
    expect((await org.eventsOf('microsoft', BOB)).filter((e) => e.subject.includes('Boiler service (org-wide)'))).toHaveLength(1);
  });

  it('a target calendar by name is created in each mailbox when missing', async () => {
    await t.http.post('/api/v1/admin/organisation-connections/microsoft/settings').set('Authorization', await org.admin()).send({ calendarName: 'Field jobs' }).expect(200);
    await org.connectMicrosoft();
    await sync.drain();
    const events = await org.eventsOf('microsoft', ALICE);
    expect(events.length).toBe(await written(ALICE));
    expect(new Set(events.map((e) => e.calendar))).toEqual(new Set(['Field jobs']));
    expect((await sync.integration(ALICE, 'microsoft')).calendarName).toBe('Field jobs');
  });

  it('a mailbox outside the access policy is listed as no access and never retried; a technician without a mailbox is listed too', async () => {
    const carol = await t.prisma.user.create({ data: { email: 'carol@example.com', name: 'Carol NoMailbox', role: 'TECHNICIAN', timeZone: 'Europe/Paris', passwordHash: 'x' } });
    try {
      await t.emu.control.call('POST', 'microsoft/access-policy', { mailboxes: [ALICE] });
      await org.connectMicrosoft();
      expect(await org.technicians('microsoft')).toEqual({ [ALICE]: 'SYNCED', [BOB]: 'NO_ACCESS', 'carol@example.com': 'NO_MAILBOX' });
      await createFor(BOB, 'For bob, who is out of the policy');
      const probes = await graphCallsFor(BOB);
      await sync.drain();
      await sync.drain();
      expect(await graphCallsFor(BOB)).toBe(probes);
      expect(await t.prisma.syncJob.count({ where: { integration: { userId: ids[BOB] } } })).toBe(0);
      expect((await org.eventsOf('microsoft', BOB))).toEqual([]);
      expect((await org.eventsOf('microsoft', ALICE)).length).toBe(await written(ALICE));
      // Bob is not managed: he may still connect his own account.
      expect((await sync.integration(BOB, 'microsoft')).managedBy).toBeNull();
    } finally {
      await t.prisma.user.delete({ where: { id: carol.id } });
    }
  });

  it('the admin covers a list of technicians only: the others are released and not written', async () => {
    await org.connectMicrosoft();
    const post = async (body: object, status: number) =>
      (await t.http.post('/api/v1/admin/organisation-connections/microsoft/settings').set('Authorization', await org.admin()).send(body).expect(status)).body;
    expect((await post({ userIds: ['not-a-uuid'] }, 400)).fields[0].field).toMatch(/^userIds/);
    expect(await post({ coverAll: false, userIds: [ids[ALICE]] }, 200)).toMatchObject({ coverAll: false, coveredUserIds: [ids[ALICE]] });
    expect(await org.technicians('microsoft')).toEqual({ [ALICE]: 'SYNCED', [BOB]: 'NOT_COVERED' });
    expect((await sync.integration(BOB, 'microsoft'))).toMatchObject({ managedBy: null, status: 'NOT_CONNECTED' });
    await createFor(BOB, 'Not covered');
    await sync.drain();
    expect(await org.eventsOf('microsoft', BOB)).toEqual([]);
  });

  it('a mailbox taken out of the policy after provisioning: its writes give up (FAILED, told on the card), never a retry loop', async () => {
    await org.connectMicrosoft();
    await sync.drain();
    await t.emu.control.call('POST', 'microsoft/access-policy', { mailboxes: [ALICE] });
    const { id } = await createFor(BOB, 'After the policy changed');
    await sync.drain();
    await sync.drain();
    expect(await t.prisma.syncJob.count({ where: { interventionId: id } })).toBe(0);
    expect(await t.prisma.interventionSync.findFirst({ where: { interventionId: id } })).toMatchObject({ status: 'FAILED', lastError: 'ACCESS_DENIED' });
    expect((await sync.integration(BOB, 'microsoft')).lastError).toBe('ACCESS_DENIED');
    // The next provisioning lists him as no access and releases his row.
    await t.http.post('/api/v1/admin/organisation-connections/microsoft/refresh').set('Authorization', await org.admin()).expect(200);
    expect((await org.technicians('microsoft'))[BOB]).toBe('NO_ACCESS');
  });

  it('consent withdrawn: the admin sees reconnect, cards say paused by the company; after reconnecting everything converges with no duplicate', async () => {
    await org.connectMicrosoft();
    await sync.drain();
    const before = await written(ALICE);
    await t.emu.control.call('DELETE', 'microsoft/admin-consent', {});

    const late = await createFor(ALICE, 'Written while paused');
    await sync.drain();
    expect((await org.connections()).find((c) => c.provider === 'microsoft')).toMatchObject({ status: 'NEEDS_RECONNECT', lastError: 'AUTH_REVOKED' });
    for (const email of [ALICE, BOB]) {
      expect(await sync.integration(email, 'microsoft')).toMatchObject({ status: 'NEEDS_RECONNECT', lastError: 'ORGANISATION_PAUSED', managedBy: 'organisation' });
    }
    expect(await org.technicians('microsoft')).toEqual({ [ALICE]: 'PAUSED', [BOB]: 'PAUSED' });
    // Nothing is lost: the change waits (parked), it is not dropped.
    expect(await t.prisma.syncJob.count({ where: { interventionId: late.id } })).toBe(1);

    const landing = await org.connectMicrosoft();
    expect(landing.searchParams.get('result')).toBe('connected');
    await sync.drain();
    const events = await org.eventsOf('microsoft', ALICE);
    expect(events.length).toBe(before + 1);
    expect(events.length).toBe(await written(ALICE));
    expect(events.filter((e) => e.subject.includes('Written while paused'))).toHaveLength(1);
    expect(await sync.integration(ALICE, 'microsoft')).toMatchObject({ status: 'CONNECTED', lastError: null });
  });

  it("alice's personal connection is superseded by the company's without a duplicate event, and her card says why", async () => {
    await sync.connectWithCalendar(ALICE, 'microsoft');
    await sync.drain();
    const personal = await org.eventsOf('microsoft', ALICE);
    expect(personal.length).toBeGreaterThan(0);
    expect(new Set(personal.map((e) => e.calendar))).toEqual(new Set(['Interventions']));

    await org.connectMicrosoft();
    await sync.drain();
    const after = await org.eventsOf('microsoft', ALICE);
    // Taken over (moved to the company's target calendar), never written twice.
    expect(after.length).toBe(personal.length);
    expect(new Set(after.map((e) => e.calendar))).toEqual(new Set(['Calendar']));
    expect(await sync.integration(ALICE, 'microsoft')).toMatchObject({ managedBy: 'organisation', supersededAccountEmail: ALICE, status: 'CONNECTED' });
  });

  it('the client secret is nowhere in responses, logs or the database', async () => {
    const { clientSecret } = ((await t.emu.control.info()) as { defaultClients: { microsoft: { clientSecret: string } } }).defaultClients.microsoft;
    const bodies: string[] = [];
    await org.connectMicrosoft();
    await sync.drain();
    bodies.push(JSON.stringify(await org.connections()), JSON.stringify(await org.technicians('microsoft')), JSON.stringify(await sync.integration(ALICE, 'microsoft')));
    const tables = await t.prisma.$queryRaw<{ table_name: string }[]>`SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'`;
    const dump: string[] = [];
    for (const { table_name } of tables) {
      const rows = await t.prisma.$queryRawUnsafe<{ row: string }[]>(`SELECT row_to_json(t)::text AS row FROM "${table_name}" t`);
      dump.push(...rows.map((r) => r.row));
    }
    expect(dump.length).toBeGreaterThan(0);
    expect(logLines.length).toBeGreaterThan(0);
    for (const [where, text] of [['responses', bodies.join('\n')], ['logs', logLines.join('\n')], ['database', dump.join('\n')]] as const) {
      expect(text.includes(clientSecret), `client secret found in ${where}`).toBe(false);
    }
  });
});
