// The scenarios of `pnpm bench:sync`, each against a running app (API + in-process emulator)
// and each pushing its figures. sync.bench-run.ts says which run, in which order.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { EmulatedTestApp } from '../test/support/calendar-emulator';
import {
  chooseCalendar,
  connect,
  createIntervention,
  liveTitles,
  median,
  percentile,
  userId,
  waitFor,
  type Figure,
} from './bench-support';

/** The providers the emulator plays (CalDAV is measured against a real server, not here). */
export type BenchProvider = 'google' | 'microsoft';

export const SMALL = process.env.BENCH_SIZE === 'small';
export const N = { overhead: SMALL ? 10 : 80, single: SMALL ? 5 : 30, burst: SMALL ? 10 : 50, firstSync: SMALL ? 30 : 300, outage: SMALL ? 5 : 20, twoApis: SMALL ? 20 : 200, calendarMoves: SMALL ? 8 : 40 };
export const QUOTA_PER_SECOND = 10;
export const PROVIDER_LATENCY_MS = 50;
const OUTAGE_MS = SMALL ? 3_000 : 10_000;
export const ACCOUNTS: Record<BenchProvider, string> = { google: 'alice@example.com', microsoft: 'bob@example.com' };
const fmt = (ms: number) => `${Math.round(ms)} ms`;

export async function disconnect(t: EmulatedTestApp, provider: BenchProvider) {
  await t.http.delete(`/api/v1/integrations/${provider}?removeEvents=false`).set('Authorization', `Bearer ${await t.tokenFor(ACCOUNTS[provider])}`);
}

export async function slowProviders(t: EmulatedTestApp) {
  for (const provider of ['google', 'microsoft'] as const) await t.emu.control.addFault({ provider, route: '*', latencyMs: PROVIDER_LATENCY_MS });
}

const drained = (t: EmulatedTestApp) => waitFor(async () => (await t.prisma.syncJob.count()) === 0, 120_000, 100);

export async function firstSync(t: EmulatedTestApp, provider: BenchProvider): Promise<Figure[]> {
  await disconnect(t, provider);
  await t.emu.control.reset();
  const technician = await userId(t, ACCOUNTS[provider]);
  for (let i = 0; i < N.firstSync; i++) await createIntervention(t, technician);
  const expected = await t.prisma.intervention.count({ where: { technicianId: technician, status: { not: 'CANCELLED' } } });
  const calendarId = await connect(t, ACCOUNTS[provider], provider, false);
  await t.emu.control.quota({ provider, email: ACCOUNTS[provider], perSecond: QUOTA_PER_SECOND });
  await slowProviders(t);
  const before = (await t.emu.control.requests()).length;
  const started = performance.now();
  await chooseCalendar(t, ACCOUNTS[provider], provider, calendarId);
  await waitFor(async () => (await liveTitles(t, calendarId)).size >= expected, 20 * 60_000, 100);
  const seconds = (performance.now() - started) / 1000;
  const calls = (await t.emu.control.requests()).slice(before).filter((r) => r.provider === provider);
  // BENCH_DUMP=1: every provider call of the run (time, route, status), to see where time went.
  if (process.env.BENCH_DUMP) mkdirSync(path.resolve(__dirname, 'results'), { recursive: true });
  if (process.env.BENCH_DUMP) writeFileSync(path.resolve(__dirname, 'results', `first-sync-${provider}-calls.json`), JSON.stringify(calls, null, 1));
  const throttled = calls.filter((r) => r.status === 403 || r.status === 429).length;
  const floor = expected / QUOTA_PER_SECOND;
  await disconnect(t, provider);
  return [
    { figure: `first sync of ${expected}, ${provider}, quota ${QUOTA_PER_SECOND}/s, ${PROVIDER_LATENCY_MS} ms per call`, value: `${seconds.toFixed(1)} s = ${(seconds / floor).toFixed(2)}x the ${floor.toFixed(0)} s floor`, bar: '<= 1.10x', pass: seconds / floor <= 1.1 },
    { figure: `first sync ${provider}: throttled answers`, value: `${throttled} of ${calls.length} (${((100 * throttled) / calls.length).toFixed(1)}%)`, bar: '< 1%', pass: throttled / calls.length < 0.01 },
  ];
}

/**
 * Write overhead: alice's interventions are synced (a job, a notification, a worker call),
 * bob's are not (no integration); interleaved so load drifts hit both sides alike.
 */
export async function writeOverhead(t: EmulatedTestApp, where: string): Promise<Figure[]> {
  await t.emu.control.reset();
  await disconnect(t, 'microsoft');
  await connect(t, ACCOUNTS.google, 'google');
  const [alice, bob] = [await userId(t, ACCOUNTS.google), await userId(t, ACCOUNTS.microsoft)];
  for (let i = 0; i < 5; i++) await Promise.all([createIntervention(t, alice), createIntervention(t, bob)]); // warm-up
  await drained(t);
  const on: number[] = [];
  const off: number[] = [];
  for (let i = 0; i < N.overhead; i++) {
    on.push((await createIntervention(t, alice)).ms);
    off.push((await createIntervention(t, bob)).ms);
  }
  await drained(t);
  const ratio = median(on) / median(off);
  return [{ figure: `intervention create, median, sync on / off (interleaved, ${N.overhead} each), ${where}`, value: `${median(on).toFixed(1)} / ${median(off).toFixed(1)} ms = ${ratio.toFixed(2)}`, bar: '<= 1.10', pass: ratio <= 1.1 }];
}

/** Change -> event at the provider, single changes then a burst, 50 ms per provider call. */
export async function latency(t: EmulatedTestApp): Promise<Figure[]> {
  await t.emu.control.reset();
  const calendarId = await connect(t, ACCOUNTS.google, 'google');
  const alice = await userId(t, ACCOUNTS.google);
  await drained(t);
  await slowProviders(t);
  const single: number[] = [];
  for (let i = 0; i < N.single; i++) {
    const { title } = await createIntervention(t, alice);
    single.push(await waitFor(async () => (await liveTitles(t, calendarId)).has(title), 30_000));
  }
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
  return [
    { figure: `intervention created -> event exists, ${N.single} single changes`, value: `p50 ${fmt(percentile(single, 50))}, p95 ${fmt(percentile(single, 95))}, max ${fmt(Math.max(...single))}`, bar: 'p95 <= 1 s, p50 <= 300 ms', pass: percentile(single, 95) <= 1000 && percentile(single, 50) <= 300 },
    { figure: `burst of ${N.burst} changes in 1 s -> events exist`, value: `p50 ${fmt(percentile(burstLatency, 50))}, p95 ${fmt(percentile(burstLatency, 95))}`, bar: 'reported', pass: null },
  ];
}

/**
 * Recovery: the provider fails every write for a while, then answers again. (Faults fire
 * first-registered first: a latency fault on '*' would shadow the 503.)
 */
export async function recovery(t: EmulatedTestApp): Promise<Figure[]> {
  await t.emu.control.reset();
  const calendarId = await connect(t, ACCOUNTS.google, 'google');
  const alice = await userId(t, ACCOUNTS.google);
  await drained(t);
  await t.emu.control.addFault({ provider: 'google', route: 'events.insert', status: 503 });
  const waiting: string[] = [];
  for (let i = 0; i < N.outage; i++) waiting.push((await createIntervention(t, alice)).title);
  await new Promise((resolve) => setTimeout(resolve, OUTAGE_MS));
  await t.emu.control.clearFaults();
  await slowProviders(t);
  const recovered = await waitFor(async () => {
    const live = await liveTitles(t, calendarId);
    return waiting.every((title) => live.has(title));
  }, 10 * 60_000, 50);
  const failedDuringOutage = (await t.emu.control.requests()).filter((r) => r.route === 'events.insert' && r.status === 503).length;
  if (failedDuringOutage === 0) throw new Error('the outage did not happen: no write failed');
  return [{ figure: `after a ${OUTAGE_MS / 1000} s outage ends, ${N.outage} pending changes written`, value: `${(recovered / 1000).toFixed(1)} s`, bar: '<= 10 s', pass: recovered <= 10_000 }];
}
