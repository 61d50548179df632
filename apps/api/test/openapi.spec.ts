// The OpenAPI document (/api/docs-json) lists the two-way sync routes as the API serves them:
// the providers' push notification routes (Google's X-Goog-* headers, Graph's validation
// handshake and `{"value": [...]}` body with clientState) and the calendar changes (status
// values, 409). Each documented shape is also sent to the API: the document and the
// behaviour cannot drift apart unnoticed.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CALENDAR_CHANGE_STATUSES } from '@fs/contracts';
import { startTestApp, type TestApp } from './support/test-app';

interface Parameter {
  name: string;
  in: string;
  required?: boolean;
  schema?: { enum?: string[] };
}
interface Operation {
  summary?: string;
  tags?: string[];
  parameters?: Parameter[];
  requestBody?: { content: Record<string, { schema: Record<string, unknown> }> };
  responses: Record<string, { description?: string; content?: Record<string, unknown> }>;
  security?: unknown[];
}

let t: TestApp;
let paths: Record<string, Record<string, Operation>>;

beforeAll(async () => {
  t = await startTestApp({ PUBLIC_RATE_LIMIT_PER_MINUTE: '100000' });
  paths = (await t.http.get('/api/docs-json').expect(200)).body.paths;
});
afterAll(() => t?.close());

const operation = (path: string, method: string): Operation => {
  const found = paths[`/api/v1${path}`]?.[method];
  if (!found) throw new Error(`${method.toUpperCase()} ${path} is not in the OpenAPI document`);
  return found;
};
const parameter = (op: Operation, where: string, name: string) => op.parameters?.find((p) => p.in === where && p.name.toLowerCase() === name.toLowerCase());

describe('OpenAPI: push notification routes', () => {
  it('documents Google’s notification headers, and the API reads exactly those', async () => {
    const op = operation('/notifications/google', 'post');
    expect(op.summary).toMatch(/Google/);
    expect(op.tags).toEqual(['push notifications']);
    expect(parameter(op, 'header', 'X-Goog-Channel-ID')).toMatchObject({ required: true });
    expect(parameter(op, 'header', 'X-Goog-Channel-Token')).toMatchObject({ required: false });
    expect(parameter(op, 'header', 'X-Goog-Resource-State')).toMatchObject({ required: true });
    expect(Object.keys(op.responses).sort()).toEqual(['202', '400', '429']);
    // No bearer token: the per-channel secret is the proof.
    expect(op.security ?? []).toEqual([]);

    await t.http.post('/api/v1/notifications/google').set({ 'X-Goog-Channel-ID': 'unknown', 'X-Goog-Channel-Token': 'x', 'X-Goog-Resource-State': 'exists' }).expect(202);
    const missing = await t.http.post('/api/v1/notifications/google').set({ 'X-Goog-Resource-State': 'exists' }).expect(400);
    expect(JSON.stringify(missing.body.fields)).toContain('channelId');
  });

  it.each(['/notifications/microsoft', '/notifications/microsoft/lifecycle'])('documents Graph’s handshake and notification body on %s', async (path) => {
    const op = operation(path, 'post');
    expect(op.summary).toMatch(/Graph/);
    expect(parameter(op, 'query', 'validationToken')).toMatchObject({ required: false });
    const body = op.requestBody!.content['application/json']!.schema as {
      properties: { value: { type: string; items: { properties: Record<string, unknown>; required: string[] } } };
    };
    expect(body.properties.value.type).toBe('array');
    expect(Object.keys(body.properties.value.items.properties)).toEqual(expect.arrayContaining(['subscriptionId', 'clientState', 'lifecycleEvent']));
    expect(body.properties.value.items.required).toEqual(['subscriptionId']);
    expect(op.responses['200']!.content).toHaveProperty(['text/plain']);
    expect(Object.keys(op.responses).sort()).toEqual(['200', '202', '400', '429']);
    expect(op.security ?? []).toEqual([]);

    // The handshake as documented: 200 text/plain, the decoded token as the whole body.
    const echo = await t.http.post(`/api/v1${path}?validationToken=${encodeURIComponent('Validation: token & more')}`).expect(200);
    expect(echo.headers['content-type']).toMatch(/^text\/plain/);
    expect(echo.text).toBe('Validation: token & more');
    await t.http.post(`/api/v1${path}`).send({ value: [{ subscriptionId: 'unknown', clientState: 'x', changeType: 'updated' }] }).expect(202);
    const malformed = await t.http.post(`/api/v1${path}`).send({ value: [{ clientState: 'x' }] }).expect(400);
    expect(JSON.stringify(malformed.body.fields)).toContain('subscriptionId');
  });
});

describe('OpenAPI: calendar changes', () => {
  it('documents the status filter with every status, each of which the API accepts', async () => {
    const op = operation('/calendar-changes', 'get');
    const status = parameter(op, 'query', 'status');
    expect(status).toMatchObject({ required: false });
    expect(status!.schema!.enum).toEqual([...CALENDAR_CHANGE_STATUSES]);
    expect(op.responses['200']).toBeDefined();
    const dispatch = `Bearer ${await t.tokenFor('dispatch@example.com')}`;
    for (const value of status!.schema!.enum!) await t.http.get(`/api/v1/calendar-changes?status=${value}`).set('Authorization', dispatch).expect(200);
    await t.http.get('/api/v1/calendar-changes?status=pending').set('Authorization', dispatch).expect(400);
    expect(op.responses['400']).toBeDefined();
  });

  it.each(['accept', 'reject'])('documents the 409 of %s (already decided), with the error body', (decision) => {
    const op = operation(`/calendar-changes/{id}/${decision}`, 'post');
    expect(op.summary).toBeTruthy();
    expect(op.responses['409']!.description).toMatch(/CONFLICT: already decided/);
    expect(op.responses['409']!.content).toHaveProperty(['application/json', 'schema', 'properties', 'code']);
    expect(Object.keys(op.responses).sort()).toEqual(['200', '403', '404', '409']);
  });

  it('documents the admin policy routes with their values', () => {
    const put = operation('/admin/calendar-change-policy', 'put');
    expect(JSON.stringify(put.requestBody)).toContain('"enum":["propose","apply","revert"]');
    expect(operation('/admin/calendar-change-policy', 'get').responses['200']).toBeDefined();
  });
});
