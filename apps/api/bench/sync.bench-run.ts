// `pnpm bench:sync`: the sync figures of the performance issue, measured side by side in one
// run against the real app and the in-process emulator (embedded database by default,
// PostgreSQL with DATABASE_URL). BENCH_SIZE=small (what CI runs) only proves it still runs.
/** The providers the emulator plays (CalDAV is measured against a real server, not here). */
type CalendarProviderId = 'google' | 'microsoft';
import { afterAll, beforeAll, it } from 'vitest';
import { startEmulatedTestApp, type EmulatedTestApp } from '../test/support/calendar-emulator';
import {
  chooseCalendar,
  connect,
  createIntervention,
  liveTitles,
  median,
  percentile,
  report,
  rssSampler,
  userId,
  waitFor,
  type Figure,
} from './bench-support';

const SMALL = process.env.BENCH_SIZE === 'small';
const N = { overhead: SMALL ? 10 : 80, single: SMALL ? 5 : 30, burst: SMALL ? 10 : 50, firstSync: SMALL ? 30 : 300, outage: SMALL ? 5 : 20 };
const QUOTA_PER_SECOND = 10;
const PROVIDER_LATENCY_MS = 50;
const OUTAGE_MS = SMALL ? 3_000 : 10_000;
const ACCOUNTS: Record<CalendarProviderId, string> = { google: 'alice@example.com', microsoft: 'bob@example.com' };

let t: EmulatedTestApp;
const figures: Figure[] = [];
const fmt = (ms: number) => `${Math.round(ms)} ms`;

beforeAll(async () => {
  // The product's defaults: worker on (wakes on commit), pace at the providers' rates.
  t = await startEmulatedTestApp({ SYNC_WORKER_ENABLED: 'true', SYNC_GOOGLE_CALLS_PER_SECOND: '10', SYNC_MICROSOFT_CALLS_PER_SECOND: '10' });
});
afterAll(() => t?.close());

async function disconnect(provider: CalendarProviderId) {
  await t.http.delete(`/api/v1/integrations/${provider}?removeEvents=false`).set('Authorization', `Bearer ${await t.tokenFor(ACCOUNTS[provider])}`);
}

async function slowProviders() {
  for (const provider of ['google', 'microsoft'] as const) await t.emu.control.addFault({ provider, route: '*', latencyMs: PROVIDER_LATENCY_MS });
}

async function firstSync(provider: CalendarProviderId) {
  await disconnect(provider);
  await t.emu.control.reset();
  const technician = await userId(t, ACCOUNTS[provider]);
  for (let i = 0; i < N.firstSync; i++) await createIntervention(t, technician);
  const expected = await t.prisma.intervention.count({ where: { technicianId: technician, status: { not: 'CANCELLED' } } });
  const calendarId = await connect(t, ACCOUNTS[provider], provider, false);
  await t.emu.control.quota({ provider, email: ACCOUNTS[provider], perSecond: QUOTA_PER_SECOND });
  await slowProviders();
  const before = (await t.emu.control.requests()).length;
  const started = performance.now();
  await chooseCalendar(t, ACCOUNTS[provider], provider, calendarId);
  await waitFor(async () => (await liveTitles(t, calendarId)).size >= expected, 20 * 60_000, 100);
  const seconds = (performance.now() - started) / 1000;
  const calls = (await t.emu.control.requests()).slice(before).filter((r) => r.provider === provider);
  const throttled = calls.filter((r) => r.status === 403 || r.status === 429).length;
  const floor = expected / QUOTA_PER_SECOND;
  figures.push(
    { figure: `first sync of ${expected}, ${provider}, quota ${QUOTA_PER_SECOND}/s, ${PROVIDER_LATENCY_MS} ms per call`, value: `${seconds.toFixed(1)} s = ${(seconds / floor).toFixed(2)}x the ${floor.toFixed(0)} s floor`, bar: '<= 1.10x', pass: seconds / floor <= 1.1 },
    { figure: `first sync ${provider}: throttled answers`, value: `${throttled} of ${calls.length} (${((100 * throttled) / calls.length).toFixed(1)}%)`, bar: '< 1%', pass: throttled / calls.length < 0.01 },
  );
  await disconnect(provider);
}

it('measures the sync', async () => {
  const rss = rssSampler();
  await firstSync('google');
  await firstSync('microsoft');

  // Write overhead: alice's interventions are synced, bob's are not (no integration); interleaved.
  await t.emu.control.reset();
  const calendarId = await connect(t, ACCOUNTS.google, 'google');
  const [alice, bob] = [await userId(t, ACCOUNTS.google), await userId(t, ACCOUNTS.microsoft)];
  const on: number[] = [];
  const off: number[] = [];
  for (let i = 0; i < N.overhead; i++) {
    on.push((await createIntervention(t, alice)).ms);
    off.push((await createIntervention(t, bob)).ms);
  }
  figures.push({ figure: `intervention create, median, sync on / off (interleaved, ${N.overhead} each)`, value: `${median(on).toFixed(1)} / ${median(off).toFixed(1)} ms = ${(median(on) / median(off)).toFixed(2)}`, bar: '<= 1.10', pass: median(on) / median(off) <= 1.1 });

  // Change -> event at the provider, single changes then a burst, 50 ms per provider call.
  await waitFor(async () => (await t.prisma.syncJob.count()) === 0, 120_000, 100);
  await slowProviders();
  const single: number[] = [];
  for (let i = 0; i < N.single; i++) {
    const { title } = await createIntervention(t, alice);
    single.push(await waitFor(async () => (await liveTitles(t, calendarId)).has(title), 30_000));
  }
  figures.push({ figure: `intervention created -> event exists, ${N.single} single changes`, value: `p50 ${fmt(percentile(single, 50))}, p95 ${fmt(percentile(single, 95))}, max ${fmt(Math.max(...single))}`, bar: 'p95 <= 1 s, p50 <= 300 ms', pass: percentile(single, 95) <= 1000 && percentile(single, 50) <= 300 });

  const seen = new Map<string, number>();
  const created: { title: string; at: number }[] = [];
  const burst = Array.from({ length: N.burst }, (_, i) =>
    new Promise<void>((resolve) => setTimeout(resolve, (1000 / N.burst) * i)).then(async () => {
      const { title } = await createIntervention(t, alice);
      created.push({ title, at: performance.now() });
    }),
  );
  await Promise.all(burst);
  await waitFor(async () => {
    const live = await liveTitles(t, calendarId);
    for (const { title } of created) if (live.has(title) && !seen.has(title)) seen.set(title, performance.now());
    return seen.size === created.length;
  }, 120_000);
  const burstLatency = created.map(({ title, at }) => seen.get(title)! - at);
  figures.push({ figure: `burst of ${N.burst} changes in 1 s -> events exist`, value: `p50 ${fmt(percentile(burstLatency, 50))}, p95 ${fmt(percentile(burstLatency, 95))}`, bar: 'reported', pass: null });

  // Recovery: the provider fails every write for a while, then answers again. (Faults fire
  // first-registered first: the latency one on '*' would shadow the 503.)
  await t.emu.control.clearFaults();
  await t.emu.control.addFault({ provider: 'google', route: 'events.insert', status: 503 });
  const waiting: string[] = [];
  for (let i = 0; i < N.outage; i++) waiting.push((await createIntervention(t, alice)).title);
  await new Promise((resolve) => setTimeout(resolve, OUTAGE_MS));
  await t.emu.control.clearFaults();
  await slowProviders();
  const recovered = await waitFor(async () => {
    const live = await liveTitles(t, calendarId);
    return waiting.every((title) => live.has(title));
  }, 10 * 60_000, 50);
  const failedDuringOutage = (await t.emu.control.requests()).filter((r) => r.route === 'events.insert' && r.status === 503).length;
  if (failedDuringOutage === 0) throw new Error('the outage did not happen: no write failed');
  figures.push({ figure: `after a ${OUTAGE_MS / 1000} s outage ends, ${N.outage} pending changes written`, value: `${(recovered / 1000).toFixed(1)} s`, bar: '<= 10 s', pass: recovered <= 10_000 });

  figures.push({ figure: 'peak RSS (API and in-process emulator, one process)', value: `${Math.round(rss.stop() / 2 ** 20)} MiB`, bar: 'reported (<= 256 MiB)', pass: null });
  report(figures, { size: SMALL ? 'small' : 'full', database: process.env.DATABASE_URL ? 'postgresql' : 'embedded', quotaPerSecond: QUOTA_PER_SECOND, providerLatencyMs: PROVIDER_LATENCY_MS });
});
