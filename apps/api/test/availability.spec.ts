// Availability end to end, for both providers: a technician's personal events reach dispatch
// as busy blocks (times only) through free/busy polling, our own intervention events never
// count, and an intervention planned into a busy block carries a warning. The real app and
// database, the real SDKs against the emulator; the refresher and sync worker run by hand.
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
/** The emulated providers availability is tested with. */
type CalendarProviderId = 'google' | 'microsoft';
import { BusyRefresher } from '../src/integrations/availability/busy-refresher';
import { SyncWorker } from '../src/integrations/sync/sync-worker';
import { startEmulatedTestApp, type EmulatedTestApp } from './support/calendar-emulator';
import { ownerCalendar } from './support/owner-calendar';

const HOUR = 3600_000;
const DAY = 24 * HOUR;
const TECHS = { google: 'alice@example.com', microsoft: 'bob@example.com' } as const;
const logLines: string[] = [];
let t: EmulatedTestApp;
let dispatch: string;
const ids: Record<string, string> = {};

beforeAll(async () => {
  // Every log line the API writes, at the most talkative level, is kept for the privacy scan.
  t = await startEmulatedTestApp({ LOG_LEVEL: 'trace' }, { logs: { write: (line) => void logLines.push(line) } });
  dispatch = `Bearer ${await t.tokenFor('dispatch@example.com')}`;
  for (const email of Object.values(TECHS)) ids[email] = (await t.prisma.user.findUniqueOrThrow({ where: { email } })).id;
});
afterAll(() => t?.close());
afterEach(() => t.clock.reset());
beforeEach(async () => {
  await t.emu.control.reset();
  for (const [provider, email] of Object.entries(TECHS)) {
    await t.http.delete(`/api/v1/integrations/${provider}?removeEvents=false`).set('Authorization', `Bearer ${await t.tokenFor(email)}`).expect(204);
  }
  await t.prisma.syncJob.deleteMany();
  await t.prisma.interventionSync.deleteMany();
});

/** 09:00 UTC, `days` from today: after the seeded week, inside the refresh window. */
const dayAt = (days: number, hour: number) => new Date(Math.floor(Date.now() / DAY) * DAY + days * DAY + hour * HOUR);

async function connect(provider: CalendarProviderId, target: 'Interventions' | 'primary' = 'Interventions') {
  const email = TECHS[provider];
  const auth = `Bearer ${await t.tokenFor(email)}`;
  await t.connect(email, provider);
  const { body: calendars } = await t.http.get(`/api/v1/integrations/${provider}/calendars`).set('Authorization', auth).expect(200);
  const primary = calendars.find((c: { primary: boolean }) => c.primary).id as string;
  const calendarId = target === 'primary' ? primary : (calendars.find((c: { name: string }) => c.name === 'Interventions').id as string);
  await t.http.post(`/api/v1/integrations/${provider}/settings`).set('Authorization', auth).send({ calendarId }).expect(200);
  return { owner: ownerCalendar(t.emu, provider, email, primary), auth, techId: ids[email]! };
}

/** What the poller does every AVAILABILITY_REFRESH_MINUTES: the clock moves past the next due time. */
async function refresh(): Promise<void> {
  t.clock.advance(6 * 60_000);
  await t.app.get(BusyRefresher).runOnce();
}

async function drain(): Promise<void> {
  const worker = t.app.get(SyncWorker);
  for (let i = 0; i < 50 && (await worker.runOnce()) > 0; i++);
}

async function busy(techId: string, auth = dispatch, from = dayAt(1, 0), to = dayAt(60, 0)) {
  const response = await t.http.get(`/api/v1/technicians/${techId}/busy`).query({ from: from.toISOString(), to: to.toISOString() }).set('Authorization', auth).expect(200);
  return response.body.map((b: { start: string; end: string; provider: string }) => `${b.start}/${b.end}/${b.provider}`) as string[];
}
const slot = (start: Date, end: Date, provider: string) => `${start.toISOString()}/${end.toISOString()}/${provider}`;

const createIntervention = (technicianId: string, start: Date, end: Date) =>
  t.http
    .post('/api/v1/interventions')
    .set('Authorization', dispatch)
    .send({ title: 'Boiler service', clientName: 'Mme Roux', address: '3 rue Nationale, 37000 Tours', startsAt: start.toISOString(), endsAt: end.toISOString(), timeZone: 'Europe/Paris', technicianId })
    .expect(201);

describe.each(['google', 'microsoft'] as const)('availability through %s', (provider) => {
  const other = provider === 'google' ? TECHS.microsoft : TECHS.google;

  it('a personal event appears as a busy block; moved, the block moves; deleted, it is gone', async () => {
    const { owner, techId } = await connect(provider);
    const id = await owner.add({ title: 'Dentist', start: dayAt(10, 9), end: dayAt(10, 10) });
    await refresh();
    expect(await busy(techId)).toEqual([slot(dayAt(10, 9), dayAt(10, 10), provider)]);
    // No PUBLIC_API_URL here: polling only, nothing watched at the provider (availability-push.spec.ts has push).
    expect(await t.prisma.watchChannel.count()).toBe(0);

    await owner.move(id, dayAt(11, 14), dayAt(11, 16));
    await refresh();
    expect(await busy(techId)).toEqual([slot(dayAt(11, 14), dayAt(11, 16), provider)]);

    await owner.remove(id);
    await refresh();
    expect(await busy(techId)).toEqual([]);
  });

  it('GET /technicians/busy lists every technician for a slot: the busy one with the block, the other free', async () => {
    const { owner, techId } = await connect(provider);
    await owner.add({ title: 'School run', start: dayAt(12, 15), end: dayAt(12, 16) });
    await refresh();
    const response = await t.http
      .get('/api/v1/technicians/busy')
      .query({ from: dayAt(12, 15).toISOString(), to: dayAt(12, 17).toISOString() })
      .set('Authorization', dispatch)
      .expect(200);
    const entries = new Map(response.body.map((e: { technicianId: string; blocks: unknown[] }) => [e.technicianId, e.blocks]));
    expect(entries.get(techId)).toEqual([{ start: dayAt(12, 15).toISOString(), end: dayAt(12, 16).toISOString(), provider }]);
    expect(entries.get(ids[other]!)).toEqual([]);
    // A slot after the block: everyone free.
    const later = await t.http.get('/api/v1/technicians/busy').query({ from: dayAt(12, 16).toISOString(), to: dayAt(12, 17).toISOString() }).set('Authorization', dispatch).expect(200);
    expect(later.body.every((e: { blocks: unknown[] }) => e.blocks.length === 0)).toBe(true);
  });

  it('shows every occurrence of a weekly series, but not a cancelled one, and never a free event', async () => {
    const { owner, techId } = await connect(provider);
    const series = await owner.add({ title: 'School run', start: dayAt(7, 7), end: dayAt(7, 8), weeklyCount: 4 });
    await owner.add({ title: 'Maybe gym', start: dayAt(8, 18), end: dayAt(8, 19), free: true });
    await refresh();
    const weekly = [0, 1, 2, 3].map((week) => slot(dayAt(7 + 7 * week, 7), dayAt(7 + 7 * week, 8), provider));
    expect(await busy(techId)).toEqual(weekly);

    await owner.cancelOccurrence(series, dayAt(14, 7));
    await refresh();
    expect(await busy(techId)).toEqual([weekly[0], weekly[2], weekly[3]]);
  });

  it('never counts our own intervention events, before or after they move', async () => {
    const { owner, techId } = await connect(provider, 'primary');
    await owner.add({ title: 'Physio', start: dayAt(12, 8), end: dayAt(12, 9) });
    const { body: planned } = await createIntervention(techId, dayAt(12, 13), dayAt(12, 14));
    await drain();
    await refresh();
    expect(await busy(techId)).toEqual([slot(dayAt(12, 8), dayAt(12, 9), provider)]);

    await t.http.patch(`/api/v1/interventions/${planned.id}`).set('Authorization', dispatch).send({ startsAt: dayAt(12, 15).toISOString(), endsAt: dayAt(12, 16).toISOString() }).expect(200);
    await refresh(); // the move is not written yet: its old slot is still ours
    expect(await busy(techId)).toEqual([slot(dayAt(12, 8), dayAt(12, 9), provider)]);
    await drain();
    await refresh();
    expect(await busy(techId)).toEqual([slot(dayAt(12, 8), dayAt(12, 9), provider)]);
  });

  it('warns when an intervention is created, rescheduled or reassigned into a busy block, and only then', async () => {
    const { owner, techId } = await connect(provider);
    await owner.add({ title: 'Day off', start: dayAt(15, 9), end: dayAt(15, 12) });
    await refresh();
    const warning = { code: 'TECHNICIAN_BUSY', start: dayAt(15, 9).toISOString(), end: dayAt(15, 12).toISOString() };

    const overlapping = await createIntervention(techId, dayAt(15, 11), dayAt(15, 13));
    expect(overlapping.body.warnings).toEqual([warning]);
    const free = await createIntervention(techId, dayAt(15, 12), dayAt(15, 13));
    expect(free.body.warnings).toEqual([]);

    const rescheduled = await t.http.patch(`/api/v1/interventions/${free.body.id}`).set('Authorization', dispatch).send({ startsAt: dayAt(15, 8).toISOString(), endsAt: dayAt(15, 10).toISOString() }).expect(200);
    expect(rescheduled.body.warnings).toEqual([warning]);

    const elsewhere = await createIntervention(ids[other]!, dayAt(15, 10), dayAt(15, 11));
    expect(elsewhere.body.warnings).toEqual([]);
    const reassigned = await t.http.patch(`/api/v1/interventions/${elsewhere.body.id}`).set('Authorization', dispatch).send({ technicianId: techId }).expect(200);
    expect(reassigned.body.warnings).toEqual([warning]);
  });

  it('says when it last read the calendar, and forgets everything when the technician stops sharing', async () => {
    const { owner, techId, auth } = await connect(provider);
    await owner.add({ title: 'Parents evening', start: dayAt(9, 16), end: dayAt(9, 18) });
    const before = await t.http.get(`/api/v1/technicians/${techId}/busy`).query({ from: dayAt(1, 0).toISOString(), to: dayAt(30, 0).toISOString() }).set('Authorization', dispatch);
    expect(before.headers['busy-refreshed-at']).toBeUndefined();
    await refresh();
    const readAt = t.clock.now().getTime();
    const after = await t.http.get(`/api/v1/technicians/${techId}/busy`).query({ from: dayAt(1, 0).toISOString(), to: dayAt(30, 0).toISOString() }).set('Authorization', dispatch);
    expect(Math.abs(Date.parse(after.headers['busy-refreshed-at']) - readAt)).toBeLessThan(5_000);
    const { body: integrations } = await t.http.get('/api/v1/integrations').set('Authorization', auth).expect(200);
    expect(integrations.find((i: { provider: string }) => i.provider === provider)).toMatchObject({ shareAvailability: true, availabilityRefreshedAt: after.headers['busy-refreshed-at'], availabilityError: null });

    await t.http.post(`/api/v1/integrations/${provider}/settings`).set('Authorization', auth).send({ shareAvailability: false }).expect(200);
    expect(await busy(techId)).toEqual([]);
    expect(await t.prisma.busyBlock.count({ where: { userId: techId } })).toBe(0);
    await refresh();
    expect(await t.prisma.busyBlock.count({ where: { userId: techId } })).toBe(0);
  });

  it('keeps the title of a personal event out of every database column and every log line', async () => {
    const title = `Oncology-${provider}-7f3a`;
    const { owner, techId } = await connect(provider, 'primary');
    await owner.add({ title, start: dayAt(20, 9), end: dayAt(20, 10) });
    await owner.add({ title, start: dayAt(21, 9), end: dayAt(21, 10), weeklyCount: 2 });
    await drain();
    await refresh();
    expect(await busy(techId)).toHaveLength(3);
    await createIntervention(techId, dayAt(20, 9), dayAt(20, 11));
    await refresh();

    const columns = await t.prisma.$queryRaw<{ table_name: string; column_name: string }[]>`
      SELECT table_name, column_name FROM information_schema.columns
      WHERE table_schema = current_schema() AND data_type IN ('text', 'character varying', 'ARRAY', 'json', 'jsonb', 'USER-DEFINED')`;
    expect(columns.length).toBeGreaterThan(10);
    const found: string[] = [];
    for (const { table_name: table, column_name: column } of columns) {
      const [{ n }] = await t.prisma.$queryRawUnsafe<{ n: number }[]>(`SELECT count(*)::int AS n FROM "${table}" WHERE "${column}"::text ILIKE $1`, `%${title}%`);
      if (n > 0) found.push(`${table}.${column}`);
    }
    expect(found).toEqual([]);
    expect(logLines.length).toBeGreaterThan(0);
    expect(logLines.join('\n')).toContain('/busy');
    expect(logLines.filter((line) => line.includes(title))).toEqual([]);
  });
});
