// What leaves the company, end to end: the admin's event privacy settings decide what the
// events written to Google and Outlook contain (read back from the emulator), a change
// rewrites the events already written, and only admins may change them.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_EVENT_PRIVACY, type CalendarProviderId, type EventPrivacySettings } from '@fs/contracts';
import { SyncWorker } from '../src/integrations/sync/sync-worker';
import { startEmulatedTestApp, type EmulatedTestApp } from './support/calendar-emulator';

const ALICE = 'alice@example.com';
const BOB = 'bob@example.com';
const ALL: EventPrivacySettings = { clientName: true, clientPhone: true, address: true, notes: true };
let t: EmulatedTestApp;
let worker: SyncWorker;
let admin: string;
let dispatch: string;

beforeAll(async () => {
  t = await startEmulatedTestApp();
  worker = t.app.get(SyncWorker);
  admin = `Bearer ${await t.tokenFor('admin@example.com')}`;
  dispatch = `Bearer ${await t.tokenFor('dispatch@example.com')}`;
});
afterAll(() => t?.close());
beforeEach(async () => {
  await t.http.put('/api/v1/admin/event-privacy').set('Authorization', admin).send(DEFAULT_EVENT_PRIVACY).expect(200);
});

async function connectWithCalendar(email: string, provider: CalendarProviderId): Promise<string> {
  const auth = `Bearer ${await t.tokenFor(email)}`;
  await t.connect(email, provider);
  const { body: calendars } = await t.http.get(`/api/v1/integrations/${provider}/calendars`).set('Authorization', auth).expect(200);
  const calendarId = calendars.find((c: { name: string }) => c.name === 'Interventions').id as string;
  await t.http.post(`/api/v1/integrations/${provider}/settings`).set('Authorization', auth).send({ calendarId }).expect(200);
  return calendarId;
}

async function drain(): Promise<void> {
  for (let i = 0; i < 50 && (await worker.runOnce()) > 0; i++);
}

async function createFor(email: string, title: string): Promise<void> {
  const technician = await t.prisma.user.findUniqueOrThrow({ where: { email } });
  await t.http
    .post('/api/v1/interventions')
    .set('Authorization', dispatch)
    .send({
      title,
      description: 'Door code 4711',
      clientName: 'M. Bernard',
      clientPhone: '+33 5 56 00 00 00',
      address: '5 rue Victor Hugo, 33000 Bordeaux',
      startsAt: '2027-01-12T09:00:00+01:00',
      endsAt: '2027-01-12T10:30:00+01:00',
      timeZone: 'Europe/Paris',
      technicianId: technician.id,
    })
    .expect(201);
}

/** What each provider stores of our event, in one shape: title, text, place, private or not. */
async function storedEvent(calendarId: string, title: string) {
  const { events } = await t.emu.control.state();
  const found = events.filter((e) => e.calendarId === calendarId && !e.deleted && (e.body.summary ?? e.body.subject) === title);
  expect(found).toHaveLength(1);
  const body = found[0]!.body as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
  if (found[0]!.provider === 'google') {
    return { text: String(body.description ?? ''), place: String(body.location ?? ''), private: body.visibility === 'private' };
  }
  return { text: String(body.body?.content ?? ''), place: String(body.location?.displayName ?? ''), private: body.sensitivity === 'private' };
}

const put = (body: unknown, auth = admin) => t.http.put('/api/v1/admin/event-privacy').set('Authorization', auth).send(body as object);

describe('event privacy settings', () => {
  it('only admins read and change them; anyone signed in may read what is shared', async () => {
    for (const email of [ALICE, 'dispatch@example.com']) {
      const auth = `Bearer ${await t.tokenFor(email)}`;
      await t.http.get('/api/v1/admin/event-privacy').set('Authorization', auth).expect(403);
      await put(ALL, auth).expect(403);
    }
    const { body } = await t.http.get('/api/v1/admin/event-privacy').set('Authorization', admin).expect(200);
    expect(body).toMatchObject(DEFAULT_EVENT_PRIVACY);
    const shared = await t.http.get('/api/v1/integrations/event-privacy').set('Authorization', `Bearer ${await t.tokenFor(ALICE)}`).expect(200);
    expect(shared.body).toMatchObject(DEFAULT_EVENT_PRIVACY);
  });

  it('refuses a bad body with 400 naming the field, and changes nothing', async () => {
    const { body } = await put({ ...ALL, notes: 'yes' }).expect(400);
    expect(body.fields.map((f: { field: string }) => f.field)).toEqual(['notes']);
    const { body: missing } = await put({ clientName: true, clientPhone: true, notes: true }).expect(400);
    expect(missing.fields.map((f: { field: string }) => f.field)).toEqual(['address']);
    const { body: now } = await t.http.get('/api/v1/admin/event-privacy').set('Authorization', admin).expect(200);
    expect(now).toMatchObject(DEFAULT_EVENT_PRIVACY);
  });

  it('decide what the Google and Outlook events contain, and a change rewrites the events already written', async () => {
    const google = await connectWithCalendar(ALICE, 'google');
    const outlook = await connectWithCalendar(BOB, 'microsoft');
    await createFor(ALICE, 'Privacy G');
    await createFor(BOB, 'Privacy M');
    await drain();

    // Default: the title and the address; no client name, phone or notes; marked private.
    for (const [calendar, title] of [[google, 'Privacy G'], [outlook, 'Privacy M']] as const) {
      expect(await storedEvent(calendar, title)).toEqual({ text: '', place: '5 rue Victor Hugo, 33000 Bordeaux', private: true });
    }

    // Everything allowed: the events already written are rewritten once.
    expect((await put(ALL).expect(200)).body).toMatchObject(ALL);
    await drain();
    for (const [calendar, title] of [[google, 'Privacy G'], [outlook, 'Privacy M']] as const) {
      const event = await storedEvent(calendar, title);
      expect(event.text).toContain('M. Bernard');
      expect(event.text).toContain('+33 5 56 00 00 00');
      expect(event.text).toContain('Door code 4711');
      expect(event.private).toBe(true);
    }

    // The address and the notes withdrawn: gone from both calendars.
    await put({ ...ALL, address: false, notes: false }).expect(200);
    await drain();
    for (const [calendar, title] of [[google, 'Privacy G'], [outlook, 'Privacy M']] as const) {
      const event = await storedEvent(calendar, title);
      expect(event.place).toBe('');
      expect(event.text).not.toContain('Door code 4711');
      expect(event.text).toContain('M. Bernard');
    }

    // Current under the settings in force: draining again writes nothing.
    const writes = async () => (await t.emu.control.requests()).filter((r) => /events/.test(r.route) && r.method !== 'GET').length;
    const before = await writes();
    await t.http.post(`/api/v1/integrations/google/settings`).set('Authorization', `Bearer ${await t.tokenFor(ALICE)}`).send({ syncEnabled: true }).expect(200);
    await drain();
    expect(await writes()).toBe(before);
  });
});
