// Who may read a technician's busy times, what a bad range answers, and the settings that
// govern sharing: dispatch and admins read anyone's, a technician only their own (403
// otherwise); a bad or over-long range is a 400 naming the field.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BusyRefresher } from '../src/integrations/availability/busy-refresher';
import { startEmulatedTestApp, type EmulatedTestApp } from './support/calendar-emulator';

let t: EmulatedTestApp;
let aliceId: string;
const as = async (email: string) => `Bearer ${await t.tokenFor(email)}`;
const from = '2027-03-01T00:00:00Z';

beforeAll(async () => {
  t = await startEmulatedTestApp();
  aliceId = (await t.prisma.user.findUniqueOrThrow({ where: { email: 'alice@example.com' } })).id;
});
afterAll(() => t?.close());

const busy = (id: string, auth: string, query: Record<string, string>) => t.http.get(`/api/v1/technicians/${id}/busy`).query(query).set('Authorization', auth);

describe('GET /technicians/:id/busy: who may ask', () => {
  it.each(['dispatch@example.com', 'admin@example.com', 'alice@example.com'])('%s reads Alice’s busy times', async (email) => {
    const response = await busy(aliceId, await as(email), { from, to: '2027-03-08T00:00:00Z' }).expect(200);
    expect(response.body).toEqual([]);
  });

  it('another technician gets 403', async () => {
    const response = await busy(aliceId, await as('bob@example.com'), { from, to: '2027-03-08T00:00:00Z' }).expect(403);
    expect(response.body.code).toBe('FORBIDDEN');
  });

  it('without a token, 401', async () => {
    await t.http.get(`/api/v1/technicians/${aliceId}/busy`).query({ from, to: '2027-03-08T00:00:00Z' }).expect(401);
  });

  it('someone who is not a technician is 404 for dispatch', async () => {
    const dispatcherId = (await t.prisma.user.findUniqueOrThrow({ where: { email: 'dispatch@example.com' } })).id;
    await busy(dispatcherId, await as('dispatch@example.com'), { from, to: '2027-03-08T00:00:00Z' }).expect(404);
  });
});

describe('GET /technicians/:id/busy: bad input names the field', () => {
  it.each([
    ['from missing', { to: '2027-03-08T00:00:00Z' }, 'from'],
    ['from not a date', { from: 'tomorrow', to: '2027-03-08T00:00:00Z' }, 'from'],
    ['to before from', { from, to: '2027-02-28T00:00:00Z' }, 'to'],
    ['to equal to from', { from, to: from }, 'to'],
    ['more than 62 days', { from, to: '2027-05-02T00:00:01Z' }, 'to'],
    ['an unknown parameter', { from, to: '2027-03-08T00:00:00Z', title: 'x' }, 'title'],
  ])('%s', async (_name, query, field) => {
    const response = await busy(aliceId, await as('dispatch@example.com'), query).expect(400);
    expect(response.body.fields.map((f: { field: string }) => f.field)).toContain(field);
  });

  it('62 days exactly is fine', async () => {
    await busy(aliceId, await as('dispatch@example.com'), { from, to: '2027-05-02T00:00:00Z' }).expect(200);
  });

  it('a technician id that is not a UUID', async () => {
    const response = await busy('nope', await as('dispatch@example.com'), { from, to: '2027-03-08T00:00:00Z' }).expect(400);
    expect(response.body.fields).toEqual([{ field: 'id', message: 'must be a UUID' }]);
  });
});

describe('GET /technicians/busy: everyone at once, for dispatch only', () => {
  const everyone = (auth: string, query: Record<string, string>) => t.http.get('/api/v1/technicians/busy').query(query).set('Authorization', auth);

  it('dispatch and admin get one entry per technician', async () => {
    for (const email of ['dispatch@example.com', 'admin@example.com']) {
      const response = await everyone(await as(email), { from, to: '2027-03-08T00:00:00Z' }).expect(200);
      expect(response.body).toContainEqual({ technicianId: aliceId, blocks: [] });
      expect(response.body.length).toBe(await t.prisma.user.count({ where: { role: 'TECHNICIAN' } }));
    }
  });

  it('a technician gets 403, even about a slot', async () => {
    const response = await everyone(await as('alice@example.com'), { from, to: '2027-03-08T00:00:00Z' }).expect(403);
    expect(response.body.code).toBe('FORBIDDEN');
  });

  it('a bad range names the field', async () => {
    const response = await everyone(await as('dispatch@example.com'), { from, to: '2027-02-28T00:00:00Z' }).expect(400);
    expect(response.body.fields.map((f: { field: string }) => f.field)).toEqual(['to']);
  });
});

describe('sharing settings', () => {
  it('is on by default once connected, and the calendars that count must be the account’s', async () => {
    const auth = await as('alice@example.com');
    await t.connect('alice@example.com', 'google');
    const { body: integrations } = await t.http.get('/api/v1/integrations').set('Authorization', auth).expect(200);
    expect(integrations.find((i: { provider: string }) => i.provider === 'google')).toMatchObject({ shareAvailability: true, availabilityCalendarIds: [] });
    const bad = await t.http.post('/api/v1/integrations/google/settings').set('Authorization', auth).send({ availabilityCalendarIds: ['not-mine'] }).expect(400);
    expect(bad.body.fields[0].field).toBe('availabilityCalendarIds');
    const { body: calendars } = await t.http.get('/api/v1/integrations/google/calendars').set('Authorization', auth).expect(200);
    const family = calendars.find((c: { primary: boolean }) => !c.primary).id;
    const saved = await t.http.post('/api/v1/integrations/google/settings').set('Authorization', auth).send({ availabilityCalendarIds: [family] }).expect(200);
    expect(saved.body.availabilityCalendarIds).toEqual([family]);
  });

  it('Outlook counts the default calendar only (getSchedule): another calendar is refused, naming the field', async () => {
    const auth = await as('bob@example.com');
    await t.connect('bob@example.com', 'microsoft');
    const { body: calendars } = await t.http.get('/api/v1/integrations/microsoft/calendars').set('Authorization', auth).expect(200);
    const other = calendars.find((c: { primary: boolean }) => !c.primary).id;
    const refused = await t.http.post('/api/v1/integrations/microsoft/settings').set('Authorization', auth).send({ availabilityCalendarIds: [other] }).expect(400);
    expect(refused.body.fields[0]).toMatchObject({ field: 'availabilityCalendarIds' });
    const primary = calendars.find((c: { primary: boolean }) => c.primary).id;
    await t.http.post('/api/v1/integrations/microsoft/settings').set('Authorization', auth).send({ availabilityCalendarIds: [primary] }).expect(200);
  });

  it('a Google grant without the free/busy scope reports ACCESS_DENIED for availability only; sync stays connected', async () => {
    const auth = await as('alice@example.com');
    await t.emu.control.consent('auto', 'google', ['https://www.googleapis.com/auth/calendar.freebusy']);
    await t.connect('alice@example.com', 'google');
    await t.emu.control.consent('auto', 'google', []);
    await t.app.get(BusyRefresher).runOnce();
    const { body: integrations } = await t.http.get('/api/v1/integrations').set('Authorization', auth).expect(200);
    expect(integrations.find((i: { provider: string }) => i.provider === 'google')).toMatchObject({
      status: 'CONNECTED',
      availabilityError: 'ACCESS_DENIED',
      availabilityRefreshedAt: null,
    });
    const freeBusyCalls = (await t.emu.control.requests()).filter((r) => r.route === 'freebusy.query');
    expect(freeBusyCalls).toHaveLength(0);
  });
});
