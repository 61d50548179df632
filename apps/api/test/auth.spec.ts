import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from './support/test-app';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t?.close());

describe('auth', () => {
  it('logs a demo account in and returns who it is', async () => {
    const login = await t.http.post('/api/v1/auth/login').send({ email: 'Alice@example.com', password: 'demo1234' }).expect(200);
    expect(login.body).toEqual({ accessToken: expect.any(String) });
    const me = await t.http.get('/api/v1/auth/me').set('Authorization', `Bearer ${login.body.accessToken}`).expect(200);
    expect(me.body).toMatchObject({ email: 'alice@example.com', role: 'TECHNICIAN', timeZone: 'Europe/Paris' });
    expect(me.body).not.toHaveProperty('passwordHash');
  });

  it('answers 401 INVALID_CREDENTIALS to a wrong password and to an unknown email alike', async () => {
    for (const email of ['alice@example.com', 'nobody@example.com']) {
      const response = await t.http.post('/api/v1/auth/login').send({ email, password: 'wrong' }).expect(401);
      expect(response.body).toMatchObject({ statusCode: 401, code: 'INVALID_CREDENTIALS' });
    }
  });

  it('answers 400 naming the field to a malformed login', async () => {
    const response = await t.http.post('/api/v1/auth/login').send({ email: 'not-an-email' }).expect(400);
    expect(response.body.code).toBe('VALIDATION_FAILED');
    expect(response.body.fields.map((f: { field: string }) => f.field).sort()).toEqual(['email', 'password']);
  });

  it('answers 401 without a token and with a forged one', async () => {
    const none = await t.http.get('/api/v1/auth/me').expect(401);
    expect(none.body.code).toBe('UNAUTHENTICATED');
    const token = await t.tokenFor('alice@example.com');
    const forged = `${token.slice(0, -4)}AAAA`;
    await t.http.get('/api/v1/auth/me').set('Authorization', `Bearer ${forged}`).expect(401);
    await t.http.get('/api/v1/interventions').expect(401);
  });

  it('answers 403 when the role does not allow the action', async () => {
    const [intervention] = (await t.http.get('/api/v1/interventions').set('Authorization', `Bearer ${await t.tokenFor('alice@example.com')}`)).body;
    const response = await t.http
      .delete(`/api/v1/interventions/${intervention.id}`)
      .set('Authorization', `Bearer ${await t.tokenFor('alice@example.com')}`)
      .expect(403);
    expect(response.body.code).toBe('FORBIDDEN');
    await t.http.get(`/api/v1/interventions/${intervention.id}`).set('Authorization', `Bearer ${await t.tokenFor('alice@example.com')}`).expect(200);
  });

  it('serves health without a token and checks the database', async () => {
    const response = await t.http.get('/api/v1/health').expect(200);
    expect(response.body).toMatchObject({ status: 'ok', database: 'up', databaseKind: process.env.DATABASE_URL ? 'postgres' : 'embedded' });
  });

  it('serves the OpenAPI document', async () => {
    const response = await t.http.get('/api/docs-json').expect(200);
    expect(Object.keys(response.body.paths)).toContain('/api/v1/interventions');
  });
});
