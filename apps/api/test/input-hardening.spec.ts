// Bad input at the HTTP edge answers 4xx, never 500, and writes nothing: oversized
// bodies (413), NUL bytes and unpaired surrogates (400 naming the field), JSON nested
// too deep, unparsable JSON and undecodable URLs (400).
import { Logger } from '@nestjs/common';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { startTestApp, type TestApp } from './support/test-app';

let t: TestApp;
let dispatch: string, aliceId: string, interventionId: string;
const errorLog = vi.spyOn(Logger.prototype, 'error');

beforeAll(async () => {
  t = await startTestApp();
  dispatch = await t.tokenFor('dispatch@example.com');
  const technicians = (await t.http.get('/api/v1/technicians').set(auth()).expect(200)).body;
  aliceId = technicians.find((x: { email: string }) => x.email === 'alice@example.com').id;
  interventionId = (await t.http.get('/api/v1/interventions').set(auth()).expect(200)).body[0].id;
});
afterAll(() => t?.close());
afterEach(() => {
  // Every refusal here is the client's mistake: none may reach the error log.
  expect(errorLog).not.toHaveBeenCalled();
  errorLog.mockClear();
});

const auth = () => ({ Authorization: `Bearer ${dispatch}` });
const valid = () => ({
  title: 'Leak under the sink',
  description: 'Kitchen',
  clientName: 'M. Bernard',
  address: '5 rue Victor Hugo, Bordeaux',
  startsAt: '2026-12-02T09:00:00+01:00',
  endsAt: '2026-12-02T10:30:00+01:00',
  timeZone: 'Europe/Paris',
  technicianId: aliceId,
});
const snapshot = async () => ({
  interventions: await t.prisma.intervention.findMany({ orderBy: { id: 'asc' } }),
  syncJobs: await t.prisma.syncJob.count(),
});

describe('request bodies too large', () => {
  it.each([200 * 1024, 10 * 1024 * 1024])('answer 413 PAYLOAD_TOO_LARGE to %i bytes on login and interventions', async (size) => {
    const before = await snapshot();
    const padding = 'x'.repeat(size);
    const login = await t.http.post('/api/v1/auth/login').send({ email: 'alice@example.com', password: padding });
    expect(login.status).toBe(413);
    expect(login.body).toMatchObject({ statusCode: 413, code: 'PAYLOAD_TOO_LARGE' });
    const create = await t.http.post('/api/v1/interventions').set(auth()).send({ ...valid(), description: padding });
    expect(create.body).toMatchObject({ statusCode: 413, code: 'PAYLOAD_TOO_LARGE' });
    const patch = await t.http.patch(`/api/v1/interventions/${interventionId}`).set(auth()).send({ description: padding });
    expect(patch.body.code).toBe('PAYLOAD_TOO_LARGE');
    expect(await snapshot()).toEqual(before);
  });
});

describe('strings PostgreSQL cannot store', () => {
  it.each(['title', 'description', 'clientName', 'address'])('a NUL byte or an unpaired surrogate in %s answers 400 naming it, on create and PATCH', async (field) => {
    const before = await snapshot();
    for (const bad of ['a\u0000b', 'a\uD800b']) {
      const create = await t.http.post('/api/v1/interventions').set(auth()).send({ ...valid(), [field]: bad }).expect(400);
      expect(create.body).toMatchObject({ code: 'VALIDATION_FAILED', fields: [{ field, rule: 'UNSAFE_TEXT' }] });
      const patch = await t.http.patch(`/api/v1/interventions/${interventionId}`).set(auth()).send({ [field]: bad }).expect(400);
      expect(patch.body).toMatchObject({ code: 'VALIDATION_FAILED', fields: [{ field, rule: 'UNSAFE_TEXT' }] });
    }
    expect(await snapshot()).toEqual(before);
  });

  it('a NUL byte in a query string or a field name answers 400 naming it', async () => {
    const query = await t.http.get('/api/v1/interventions?status=PLANNED%00').set(auth()).expect(400);
    expect(query.body.fields).toEqual([{ field: 'status', message: expect.stringContaining('null character'), rule: 'UNSAFE_TEXT' }]);
    const callback = await t.http.get('/api/v1/integrations/google/callback?code=x&state=%00').expect(400);
    expect(callback.body.fields[0].field).toBe('state');
    const key = await t.http.post('/api/v1/interventions').set(auth()).send({ ...valid(), 'x\u0000': 1 }).expect(400);
    expect(key.body.fields[0].field).toBe('x\\u0000');
  });
});

describe('malformed requests', () => {
  it('JSON nested deeper than 32 levels answers 400', async () => {
    const deep = '['.repeat(20_000) + ']'.repeat(20_000);
    const response = await t.http.post('/api/v1/interventions').set(auth()).set('Content-Type', 'application/json').send(deep).expect(400);
    expect(response.body).toMatchObject({ code: 'VALIDATION_FAILED', message: expect.stringContaining('deeper than 32') });
  });

  it('unparsable JSON and an unsupported charset answer 400 on the body', async () => {
    const json = await t.http.post('/api/v1/auth/login').set('Content-Type', 'application/json').send('{"email":').expect(400);
    expect(json.body).toMatchObject({ statusCode: 400, code: 'VALIDATION_FAILED' });
    const charset = await t.http.post('/api/v1/auth/login').set('Content-Type', 'application/json; charset=koi8-r').send('{}').expect(400);
    expect(charset.body).toMatchObject({ statusCode: 400, code: 'VALIDATION_FAILED' });
  });

  it('an undecodable URL parameter answers 400', async () => {
    const response = await t.http.get('/api/v1/interventions/%E0%A4%A').set(auth()).expect(400);
    expect(response.body).toMatchObject({ statusCode: 400, code: 'VALIDATION_FAILED' });
  });
});
