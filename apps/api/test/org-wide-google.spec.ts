// Org-wide Google Workspace connection end to end: the admin uploads a service account's JSON
// key (domain-wide delegation granted in the emulator's "Admin console"), and every covered
// technician's interventions are written into their calendar by a JWT bearer token with
// sub = their email (google-auth-library's JWT client), through the same outbox and worker.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startEmulatedTestApp, type EmulatedTestApp } from './support/calendar-emulator';
import { interventionBody } from './support/intervention-body';
import { organisationHelpers } from './support/organisation-helpers';
import { syncHelpers } from './support/sync-helpers';

const ALICE = 'alice@example.com';
const BOB = 'bob@example.com';
const DELEGATED = ['https://www.googleapis.com/auth/calendar.events', 'https://www.googleapis.com/auth/calendar.calendarlist.readonly'];
const logLines: string[] = [];
let t: EmulatedTestApp;
const org = organisationHelpers(() => t);
const sync = syncHelpers(() => t);
let ids: Record<string, string>;

type Key = { client_email: string; client_id: string; private_key: string };
const registerServiceAccount = async (delegatedScopes = DELEGATED) =>
  (await t.emu.control.call('POST', 'google/service-accounts', { delegatedScopes })) as Key;
const upload = async (key: unknown, status = 200) =>
  (await t.http.post('/api/v1/admin/organisation-connections/google').set('Authorization', await org.admin())
    .send({ serviceAccountKey: typeof key === 'string' ? key : JSON.stringify(key) }).expect(status)).body;

beforeAll(async () => {
  t = await startEmulatedTestApp({ LOG_LEVEL: 'trace' }, { logs: { write: (line) => void logLines.push(line) } });
  const users = await t.prisma.user.findMany({ where: { email: { in: [ALICE, BOB] } } });
  ids = Object.fromEntries(users.map((u) => [u.email, u.id]));
});
afterAll(() => t?.close());
beforeEach(async () => {
  await t.emu.control.reset();
  await t.http.delete('/api/v1/admin/organisation-connections/google').set('Authorization', await org.admin()).expect(204);
  for (const email of [ALICE, BOB]) {
    await t.http.delete('/api/v1/integrations/google?removeEvents=false').set('Authorization', await sync.auth(email)).expect(204);
  }
  await t.prisma.syncJob.deleteMany();
  await t.prisma.interventionSync.deleteMany();
});

const written = (email: string) => t.prisma.interventionSync.count({ where: { integration: { userId: ids[email] }, status: 'SYNCED' } });
const createFor = async (email: string, title: string) =>
  (await t.http.post('/api/v1/interventions').set('Authorization', `Bearer ${await t.tokenFor('dispatch@example.com')}`)
    .send(interventionBody({ technicianId: ids[email], title })).expect(201)).body as { id: string };

describe('org-wide Google Workspace connection', () => {
  it("the admin uploads the service account key: alice's and bob's interventions appear in their primary calendars without either connecting", async () => {
    const key = await registerServiceAccount();
    const connection = await upload(key);
    expect(connection).toMatchObject({ provider: 'google', status: 'CONNECTED', tenant: key.client_email });
    expect(await org.technicians('google')).toEqual({ [ALICE]: 'SYNCED', [BOB]: 'SYNCED' });
    await sync.drain();
    for (const email of [ALICE, BOB]) {
      const events = await org.eventsOf('google', email);
      expect(events.length).toBeGreaterThan(0);
      expect(events.length).toBe(await written(email));
      expect(new Set(events.map((e) => e.calendar))).toEqual(new Set([email]));
    }
    expect(await sync.integration(BOB, 'google')).toMatchObject({ status: 'CONNECTED', managedBy: 'organisation', accountEmail: BOB });
    await t.http.get('/api/v1/integrations/google/auth').set('Authorization', await sync.auth(BOB)).expect(409);
  });

  it('a key that is not a service account key, or whose delegation does not cover the scopes, is refused naming the field', async () => {
    const bad = await upload('{"type":"authorized_user"}', 400);
    expect(bad.fields).toEqual([expect.objectContaining({ field: 'serviceAccountKey' })]);
    const undelegated = await upload(await registerServiceAccount([]), 400);
    expect(undelegated.fields).toEqual([expect.objectContaining({ field: 'serviceAccountKey' })]);
    expect((await org.connections()).find((c) => c.provider === 'google')?.status).toBe('NOT_CONNECTED');
  });

  it('a technician without a Workspace account is listed as no mailbox and nothing is queued for them', async () => {
    const carol = await t.prisma.user.create({ data: { email: 'carol@example.com', name: 'Carol NoMailbox', role: 'TECHNICIAN', timeZone: 'Europe/Paris', passwordHash: 'x' } });
    try {
      await upload(await registerServiceAccount());
      expect(await org.technicians('google')).toEqual({ [ALICE]: 'SYNCED', [BOB]: 'SYNCED', 'carol@example.com': 'NO_MAILBOX' });
      expect(await t.prisma.syncJob.count({ where: { integration: { userId: carol.id } } })).toBe(0);
    } finally {
      await t.prisma.user.delete({ where: { id: carol.id } });
    }
  });

  it('delegation removed: the admin sees reconnect, cards say paused; after uploading again everything converges with no duplicate', async () => {
    const key = await registerServiceAccount();
    await upload(key);
    await sync.drain();
    const before = await written(ALICE);
    await t.emu.control.call('POST', 'google/service-accounts/delegation', { clientId: key.client_id, scopes: [] });
    // The tokens in hand live on until they expire; then the JWT bearer grant is refused.
    for (const email of [ALICE, BOB]) await t.emu.control.expireTokens('google', email);

    const late = await createFor(ALICE, 'Written while paused');
    await sync.drain();
    expect((await org.connections()).find((c) => c.provider === 'google')).toMatchObject({ status: 'NEEDS_RECONNECT', lastError: 'AUTH_REVOKED' });
    expect(await sync.integration(ALICE, 'google')).toMatchObject({ status: 'NEEDS_RECONNECT', lastError: 'ORGANISATION_PAUSED', managedBy: 'organisation' });
    expect(await org.technicians('google')).toEqual({ [ALICE]: 'PAUSED', [BOB]: 'PAUSED' });
    expect(await t.prisma.syncJob.count({ where: { interventionId: late.id } })).toBe(1);

    await t.emu.control.call('POST', 'google/service-accounts/delegation', { clientId: key.client_id, scopes: DELEGATED });
    await upload(key);
    await sync.drain();
    const events = await org.eventsOf('google', ALICE);
    expect(events.length).toBe(before + 1);
    expect(events.length).toBe(await written(ALICE));
    expect(events.filter((e) => e.subject.includes('Written while paused'))).toHaveLength(1);
  });

  it("alice's personal Google connection is superseded without a duplicate event", async () => {
    await sync.connectWithCalendar(ALICE, 'google');
    await sync.drain();
    const personal = await org.eventsOf('google', ALICE);
    expect(personal.length).toBeGreaterThan(0);
    await upload(await registerServiceAccount());
    await sync.drain();
    const after = await org.eventsOf('google', ALICE);
    expect(after.length).toBe(personal.length);
    expect(new Set(after.map((e) => e.calendar))).toEqual(new Set([ALICE]));
    expect(await sync.integration(ALICE, 'google')).toMatchObject({ managedBy: 'organisation', supersededAccountEmail: ALICE });
  });

  it('the service account key is nowhere in responses, logs or the database in plaintext', async () => {
    const key = await registerServiceAccount();
    const secret = key.private_key.split('\n').slice(1, 3).join('\n'); // any part of the key body
    const bodies = [JSON.stringify(await upload(key))];
    await sync.drain();
    bodies.push(JSON.stringify(await org.connections()), JSON.stringify(await org.technicians('google')), JSON.stringify(await sync.integration(ALICE, 'google')));
    const tables = await t.prisma.$queryRaw<{ table_name: string }[]>`SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'`;
    const dump: string[] = [];
    for (const { table_name } of tables) {
      const rows = await t.prisma.$queryRawUnsafe<{ row: string }[]>(`SELECT row_to_json(t)::text AS row FROM "${table_name}" t`);
      dump.push(...rows.map((r) => r.row));
    }
    expect(dump.join('\n')).toContain(key.client_email); // the row is there, sealed
    const needles = [secret, secret.replace(/\n/g, '\\n'), key.private_key.slice(28, 90)];
    for (const [where, text] of [['responses', bodies.join('\n')], ['logs', logLines.join('\n')], ['database', dump.join('\n')]] as const) {
      for (const needle of needles) expect(text.includes(needle), `service account key found in ${where}`).toBe(false);
    }
  });
});
