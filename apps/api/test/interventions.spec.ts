import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from './support/test-app';

let t: TestApp;
let alice: string, bob: string, dispatch: string;
let aliceId: string, bobId: string;

beforeAll(async () => {
  t = await startTestApp();
  [alice, bob, dispatch] = await Promise.all(['alice', 'bob', 'dispatch'].map((n) => t.tokenFor(`${n}@example.com`)));
  const technicians = (await t.http.get('/api/v1/technicians').set(auth(dispatch)).expect(200)).body;
  aliceId = technicians.find((x: { email: string }) => x.email === 'alice@example.com').id;
  bobId = technicians.find((x: { email: string }) => x.email === 'bob@example.com').id;
});
afterAll(() => t?.close());

const auth = (token: string) => ({ Authorization: `Bearer ${token}` });
const fieldsOf = (body: { fields?: { field: string }[] }) => (body.fields ?? []).map((f) => f.field).sort();
const valid = () => ({
  title: 'Leak under the sink',
  description: 'Kitchen, ring twice',
  clientName: 'M. Bernard',
  address: '5 rue Victor Hugo, 33000 Bordeaux',
  startsAt: '2026-12-02T09:00:00+01:00',
  endsAt: '2026-12-02T10:30:00+01:00',
  timeZone: 'Europe/Paris',
  technicianId: aliceId,
});
const count = () => t.prisma.intervention.count();

describe('interventions: create, read, update, cancel, delete', () => {
  it('a dispatcher creates one, reads it, edits, reschedules, reassigns, cancels and deletes it', async () => {
    const created = (await t.http.post('/api/v1/interventions').set(auth(dispatch)).send(valid()).expect(201)).body;
    expect(created).toMatchObject({ status: 'PLANNED', technicianName: 'Alice Martin', version: 1, startsAt: '2026-12-02T08:00:00.000Z' });
    await t.http.get(`/api/v1/interventions/${created.id}`).set(auth(alice)).expect(200);

    const edited = (await t.http.patch(`/api/v1/interventions/${created.id}`).set(auth(dispatch)).send({ title: 'Leak fixed?' }).expect(200)).body;
    expect(edited).toMatchObject({ title: 'Leak fixed?', version: 2 });
    const moved = (
      await t.http.patch(`/api/v1/interventions/${created.id}`).set(auth(dispatch))
        .send({ startsAt: '2026-12-03T14:00:00Z', endsAt: '2026-12-03T15:00:00Z' }).expect(200)
    ).body;
    expect(moved).toMatchObject({ startsAt: '2026-12-03T14:00:00.000Z', endsAt: '2026-12-03T15:00:00.000Z', version: 3 });
    const reassigned = (await t.http.patch(`/api/v1/interventions/${created.id}`).set(auth(dispatch)).send({ technicianId: bobId }).expect(200)).body;
    expect(reassigned).toMatchObject({ technicianId: bobId, technicianName: 'Bob Durand' });
    await t.http.get(`/api/v1/interventions/${created.id}`).set(auth(alice)).expect(404);

    const cancelled = (await t.http.post(`/api/v1/interventions/${created.id}/cancel`).set(auth(bob)).expect(200)).body;
    expect(cancelled.status).toBe('CANCELLED');
    const stillThere = (await t.http.get(`/api/v1/interventions/${created.id}`).set(auth(bob)).expect(200)).body;
    expect(stillThere.status).toBe('CANCELLED');
    await t.http.patch(`/api/v1/interventions/${created.id}`).set(auth(dispatch)).send({ title: 'x' }).expect(409);

    await t.http.delete(`/api/v1/interventions/${created.id}`).set(auth(dispatch)).expect(204);
    await t.http.get(`/api/v1/interventions/${created.id}`).set(auth(dispatch)).expect(404);
  });

  it('lists with filters: technician, status, date range (overlap)', async () => {
    const all = (await t.http.get('/api/v1/interventions').set(auth(dispatch)).expect(200)).body;
    expect(new Set(all.map((i: { technicianId: string }) => i.technicianId))).toEqual(new Set([aliceId, bobId]));
    const bobs = (await t.http.get(`/api/v1/interventions?technicianId=${bobId}`).set(auth(dispatch)).expect(200)).body;
    expect(bobs.length).toBeGreaterThan(0);
    expect(bobs.every((i: { technicianId: string }) => i.technicianId === bobId)).toBe(true);

    const late = (await t.http.post('/api/v1/interventions').set(auth(dispatch))
      .send({ ...valid(), startsAt: '2030-01-01T23:00:00Z', endsAt: '2030-01-02T01:00:00Z' }).expect(201)).body;
    const overlapping = (await t.http.get('/api/v1/interventions?from=2030-01-02T00:00:00Z&to=2030-01-03T00:00:00Z').set(auth(dispatch)).expect(200)).body;
    expect(overlapping.map((i: { id: string }) => i.id)).toEqual([late.id]);
    await t.http.post(`/api/v1/interventions/${late.id}/cancel`).set(auth(dispatch)).expect(200);
    const cancelled = (await t.http.get('/api/v1/interventions?status=CANCELLED').set(auth(dispatch)).expect(200)).body;
    expect(cancelled.map((i: { id: string }) => i.id)).toContain(late.id);
    expect(cancelled.every((i: { status: string }) => i.status === 'CANCELLED')).toBe(true);
  });
});

describe('interventions: bad input gets a 400 naming the field, and nothing is written', () => {
  it.each([
    ['endsAt before startsAt', { endsAt: '2026-12-02T08:00:00+01:00' }, ['endsAt']],
    ['unknown technician', { technicianId: '00000000-0000-4000-8000-000000000000' }, ['technicianId']],
    ['invalid time zone', { timeZone: 'Europe/Atlantis' }, ['timeZone']],
    ['unknown field', { priority: 'high' }, ['priority']],
    ['missing title, bad date', { title: undefined, startsAt: 'tomorrow' }, ['startsAt', 'title']],
  ])('%s', async (_name, change, fields) => {
    const before = await count();
    const response = await t.http.post('/api/v1/interventions').set(auth(dispatch)).send({ ...valid(), ...change }).expect(400);
    expect(response.body.code).toBe('VALIDATION_FAILED');
    expect(fieldsOf(response.body)).toEqual(fields);
    expect(await count()).toBe(before);
  });

  it('rejects a reschedule that ends before the kept start, leaving the intervention as it was', async () => {
    const created = (await t.http.post('/api/v1/interventions').set(auth(dispatch)).send(valid()).expect(201)).body;
    const response = await t.http.patch(`/api/v1/interventions/${created.id}`).set(auth(dispatch))
      .send({ title: 'changed', endsAt: '2026-12-01T00:00:00Z' }).expect(400);
    expect(fieldsOf(response.body)).toEqual(['endsAt']);
    const after = (await t.http.get(`/api/v1/interventions/${created.id}`).set(auth(dispatch))).body;
    expect(after).toMatchObject({ title: created.title, version: 1 });
  });

  it('rejects reassignment to a non-technician and a bad id', async () => {
    const created = (await t.http.post('/api/v1/interventions').set(auth(dispatch)).send(valid()).expect(201)).body;
    const me = (await t.http.get('/api/v1/auth/me').set(auth(dispatch))).body;
    const response = await t.http.patch(`/api/v1/interventions/${created.id}`).set(auth(dispatch)).send({ technicianId: me.id }).expect(400);
    expect(fieldsOf(response.body)).toEqual(['technicianId']);
    const badId = await t.http.get('/api/v1/interventions/not-a-uuid').set(auth(dispatch)).expect(400);
    expect(fieldsOf(badId.body)).toEqual(['id']);
  });
});

describe('interventions: technicians see and edit only their own', () => {
  it('a technician lists only their own, even when asking for another', async () => {
    const mine = (await t.http.get('/api/v1/interventions').set(auth(alice)).expect(200)).body;
    expect(mine.length).toBeGreaterThan(0);
    expect(mine.every((i: { technicianId: string }) => i.technicianId === aliceId)).toBe(true);
    await t.http.get(`/api/v1/interventions?technicianId=${bobId}`).set(auth(alice)).expect(403);
    const technicians = (await t.http.get('/api/v1/technicians').set(auth(alice)).expect(200)).body;
    expect(technicians.map((x: { id: string }) => x.id)).toEqual([aliceId]);
  });

  it("another technician's intervention is not found, for reading, editing and cancelling", async () => {
    const [bobs] = (await t.http.get('/api/v1/interventions').set(auth(bob))).body;
    await t.http.get(`/api/v1/interventions/${bobs.id}`).set(auth(alice)).expect(404);
    await t.http.patch(`/api/v1/interventions/${bobs.id}`).set(auth(alice)).send({ title: 'mine now' }).expect(404);
    await t.http.post(`/api/v1/interventions/${bobs.id}/cancel`).set(auth(alice)).expect(404);
    const unchanged = (await t.http.get(`/api/v1/interventions/${bobs.id}`).set(auth(bob))).body;
    expect(unchanged).toMatchObject({ title: bobs.title, status: bobs.status, version: bobs.version });
  });

  it('a technician edits their own but cannot create for, or reassign to, someone else', async () => {
    const [own] = (await t.http.get('/api/v1/interventions').set(auth(alice))).body;
    await t.http.patch(`/api/v1/interventions/${own.id}`).set(auth(alice)).send({ status: 'IN_PROGRESS' }).expect(200);
    await t.http.patch(`/api/v1/interventions/${own.id}`).set(auth(alice)).send({ technicianId: bobId }).expect(403);
    const before = await count();
    await t.http.post('/api/v1/interventions').set(auth(alice)).send({ ...valid(), technicianId: bobId }).expect(403);
    await t.http.post('/api/v1/interventions').set(auth(alice)).send(valid()).expect(201);
    expect(await count()).toBe(before + 1);
  });
});
