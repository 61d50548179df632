// CalDAV end to end: the real app and database, the CalDAV adapter (tsdav) speaking HTTP to
// a real Radicale, the sync worker driven by hand. Connect with a password, choose a
// calendar, and the server holds exactly the technician's interventions as they change.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { SyncWorker } from '../src/integrations/sync/sync-worker';
import { CALDAV_USER, resetCalendars, shownEvents } from './support/caldav-harness';
import { startRadicale, type RadicaleHandle } from './support/radicale';
import { startTestApp, type TestApp } from './support/test-app';

const BOB_DAV = { username: 'bob', password: 'bob-app-password' };
let t: TestApp;
let server: RadicaleHandle;
let worker: SyncWorker;
let dispatch: string, alice: string, bob: string;
let aliceId: string, bobId: string;

beforeAll(async () => {
  server = await startRadicale({ [CALDAV_USER.username]: CALDAV_USER.password, [BOB_DAV.username]: BOB_DAV.password });
  t = await startTestApp({ CALDAV_ALLOW_HTTP: 'true' });
  worker = t.app.get(SyncWorker);
  [dispatch, alice, bob] = await Promise.all(['dispatch', 'alice', 'bob'].map(async (n) => `Bearer ${await t.tokenFor(`${n}@example.com`)}`));
  aliceId = (await t.prisma.user.findUniqueOrThrow({ where: { email: 'alice@example.com' } })).id;
  bobId = (await t.prisma.user.findUniqueOrThrow({ where: { email: 'bob@example.com' } })).id;
});
afterAll(async () => {
  await t?.close();
  await server?.stop();
});
beforeEach(async () => {
  server.setUsers({ [CALDAV_USER.username]: CALDAV_USER.password, [BOB_DAV.username]: BOB_DAV.password });
  for (const [auth, user] of [[alice, CALDAV_USER.username], [bob, BOB_DAV.username]] as const) {
    await t.http.delete('/api/v1/integrations/caldav?removeEvents=false').set('Authorization', auth).expect(204);
    await resetCalendars(server, user);
  }
  await t.prisma.syncJob.deleteMany();
  await t.prisma.interventionSync.deleteMany();
});

async function connect(auth: string, credentials: { username: string; password: string }) {
  const connected = await t.http.post('/api/v1/integrations/caldav/connect').set('Authorization', auth).send({ serverUrl: server.url, ...credentials }).expect(200);
  expect(connected.body).toMatchObject({ provider: 'caldav', status: 'CONNECTED', accountEmail: credentials.username });
  expect(JSON.stringify(connected.body)).not.toContain(credentials.password);
  const { body: calendars } = await t.http.get('/api/v1/integrations/caldav/calendars').set('Authorization', auth).expect(200);
  expect(calendars.map((c: { name: string; canWrite: boolean }) => [c.name, c.canWrite]).sort()).toEqual([['Holidays', false], ['Interventions', true], ['Personal', true]]);
  const calendarId = calendars.find((c: { name: string }) => c.name === 'Interventions').id;
  await t.http.post('/api/v1/integrations/caldav/settings').set('Authorization', auth).send({ calendarId }).expect(200);
}

async function drain(): Promise<void> {
  for (let i = 0; i < 50 && (await worker.runOnce()) > 0; i++);
}

const plan = async (technicianId: string) =>
  (
    await t.http.post('/api/v1/interventions').set('Authorization', dispatch).send({
      title: 'Leak under the sink', clientName: 'M. Bernard', address: '5 rue Victor Hugo, 33000 Bordeaux',
      startsAt: '2027-01-12T09:00:00+01:00', endsAt: '2027-01-12T10:30:00+01:00', timeZone: 'Europe/Paris', technicianId,
    }).expect(201)
  ).body as { id: string };

/** The events of one intervention (the seeded week is synced too): the resource name carries its id. */
const eventsOf = async (user: string, interventionId: string) => (await shownEvents(server, user)).filter((e) => e.id.includes(interventionId));
const titles = async (user: string, interventionId: string) => (await eventsOf(user, interventionId)).map((e) => e.title);

describe('CalDAV sync against Radicale', () => {
  it('wrong password -> 400 naming the password, nothing stored', async () => {
    const answer = await t.http.post('/api/v1/integrations/caldav/connect').set('Authorization', alice)
      .send({ serverUrl: server.url, username: CALDAV_USER.username, password: 'not-it' }).expect(400);
    expect(answer.body.fields.map((f: { field: string }) => f.field)).toEqual(['password']);
    expect(JSON.stringify(answer.body)).not.toContain('not-it');
    expect(await t.prisma.calendarIntegration.count({ where: { provider: 'caldav' } })).toBe(0);
  });

  it('bad input -> 400 naming the field; an unreachable server -> 400 naming serverUrl', async () => {
    const bad = await t.http.post('/api/v1/integrations/caldav/connect').set('Authorization', alice).send({ serverUrl: 'not a url', username: 'a', password: 'b' }).expect(400);
    expect(bad.body.fields.map((f: { field: string }) => f.field)).toEqual(['serverUrl']);
    const down = await t.http.post('/api/v1/integrations/caldav/connect').set('Authorization', alice).send({ serverUrl: 'http://127.0.0.1:9', ...CALDAV_USER }).expect(400);
    expect(down.body.fields.map((f: { field: string }) => f.field)).toEqual(['serverUrl']);
  });

  it('create, update, reassign, cancel: the server holds the right events, in the right calendars', async () => {
    await connect(alice, CALDAV_USER);
    await connect(bob, BOB_DAV);
    const job = await plan(aliceId);
    await drain();
    const [shown, ...more] = await eventsOf(CALDAV_USER.username, job.id);
    expect(more).toEqual([]);
    expect(shown).toMatchObject({ title: 'Leak under the sink', location: '5 rue Victor Hugo, 33000 Bordeaux', timeZone: 'Europe/Paris' });
    expect(new Date(shown!.startMs).toISOString()).toBe('2027-01-12T08:00:00.000Z');
    expect(shown!.calendarId).toMatch(/\/alice\/interventions\/$/);

    await t.http.patch(`/api/v1/interventions/${job.id}`).set('Authorization', dispatch).send({ title: 'Leak, second visit' }).expect(200);
    await drain();
    expect(await titles(CALDAV_USER.username, job.id)).toEqual(['Leak, second visit']);

    await t.http.patch(`/api/v1/interventions/${job.id}`).set('Authorization', dispatch).send({ technicianId: bobId }).expect(200);
    await drain();
    expect(await titles(CALDAV_USER.username, job.id)).toEqual([]);
    expect(await titles(BOB_DAV.username, job.id)).toEqual(['Leak, second visit']);

    await t.http.post(`/api/v1/interventions/${job.id}/cancel`).set('Authorization', dispatch).expect(200);
    await drain();
    expect(await titles(BOB_DAV.username, job.id)).toEqual([]);
  });

  it('two-way sync is refused for CalDAV (400 naming syncMode): push only for now', async () => {
    await connect(alice, CALDAV_USER);
    const refused = await t.http.post('/api/v1/integrations/caldav/settings').set('Authorization', alice).send({ syncMode: 'two-way' }).expect(400);
    expect(refused.body.fields).toEqual([expect.objectContaining({ field: 'syncMode' })]);
    const { body } = await t.http.get('/api/v1/integrations').set('Authorization', alice).expect(200);
    expect(body.find((i: { provider: string }) => i.provider === 'caldav').syncMode).toBe('push');
  });

  it('server down: the job is retried and makes exactly one event', async () => {
    await connect(alice, CALDAV_USER);
    await drain(); // the seeded week first
    server.addFault({ method: 'PUT', status: 503, times: 1 });
    const job = await plan(aliceId);
    await drain();
    expect(await titles(CALDAV_USER.username, job.id)).toEqual([]);
    t.clock.advance(10 * 60_000);
    try {
      await drain();
    } finally {
      t.clock.reset();
    }
    expect(await titles(CALDAV_USER.username, job.id)).toEqual(['Leak under the sink']);
  });

  it('a password revoked at the server later -> needs reconnect; reconnecting resumes', async () => {
    await connect(alice, CALDAV_USER);
    await drain();
    server.setUsers({ [CALDAV_USER.username]: 'revoked', [BOB_DAV.username]: BOB_DAV.password });
    const job = await plan(aliceId);
    await drain();
    const list = (await t.http.get('/api/v1/integrations').set('Authorization', alice).expect(200)).body;
    expect(list.find((i: { provider: string }) => i.provider === 'caldav')).toMatchObject({ status: 'NEEDS_RECONNECT', lastError: 'AUTH_REVOKED' });
    await t.http.get('/api/v1/integrations/caldav/calendars').set('Authorization', alice).expect(409);

    server.setUsers({ [CALDAV_USER.username]: 'new-app-password', [BOB_DAV.username]: BOB_DAV.password });
    await t.http.post('/api/v1/integrations/caldav/connect').set('Authorization', alice)
      .send({ serverUrl: server.url, username: CALDAV_USER.username, password: 'new-app-password' }).expect(200);
    await drain();
    expect(await titles(CALDAV_USER.username, job.id)).toEqual(['Leak under the sink']);
  });
});
