// `pnpm bench:sync`: the sync figures of the performance issue, measured side by side in one
// run against the real app and the in-process emulator (embedded database by default,
// PostgreSQL with DATABASE_URL). BENCH_SIZE=small (what CI runs) only proves it still runs.
// BENCH_ONLY=overhead,latency runs some scenarios only (names: first-sync, overhead,
// overhead-worker-apart, latency, recovery, two-apis, calendar-changes).
import { afterAll, beforeAll, it } from 'vitest';
import { startEmulatedTestApp, type EmulatedTestApp } from '../test/support/calendar-emulator';
import { builtEntryPoints, spawnEntry } from './bench-processes';
import { report, rssSampler, type Figure } from './bench-support';
import { calendarChangeFigures, PULL_ONLY_INTERVAL_MS, pullOnlyMoves, pushMoves } from './calendar-changes.scenario';
import { firstSync, latency, PROVIDER_LATENCY_MS, QUOTA_PER_SECOND, recovery, SMALL, writeOverhead } from './sync-scenarios';
import { twoApis } from './two-apis.scenario';

// The product's defaults: worker on (wakes on commit), pace at the providers' rates.
const PRODUCT = { SYNC_GOOGLE_CALLS_PER_SECOND: '10', SYNC_MICROSOFT_CALLS_PER_SECOND: '10' };
const ONLY = process.env.BENCH_ONLY?.split(',').map((s) => s.trim());
const runs = (name: string) => !ONLY || ONLY.includes(name);
const POSTGRES = !!process.env.DATABASE_URL;

let t: EmulatedTestApp;
const figures: Figure[] = [];
const note = (figure: string, why: string) => figures.push({ figure, value: `skipped: ${why}`, bar: '-', pass: null });

beforeAll(async () => {
  // The shortest pull interval only concerns two-way calendars: the calendar-changes scenario's pull-only variant.
  t = await startEmulatedTestApp({ ...PRODUCT, SYNC_WORKER_ENABLED: 'true', SYNC_PULL_INTERVAL_MS: String(PULL_ONLY_INTERVAL_MS) });
});
afterAll(() => t?.close());

/** The same write-overhead scenario with the API serving HTTP only and `pnpm worker` beside it. */
async function overheadWorkerApart(): Promise<Figure[]> {
  const api = await startEmulatedTestApp({ ...PRODUCT, SYNC_WORKER_ENABLED: 'false' });
  try {
    const worker = await spawnEntry('worker.main.js', api.env, 'sync worker running');
    try {
      return await writeOverhead(api, 'worker in its own process (pnpm worker)');
    } finally {
      await worker.stop();
    }
  } finally {
    await api.close();
  }
}

it('measures the sync', async () => {
  const rss = rssSampler();
  // Pull only first, while alice has few interventions (each is written to her two-way calendar).
  const pullOnly = runs('calendar-changes') ? await pullOnlyMoves(t) : undefined;
  if (runs('first-sync')) for (const provider of ['google', 'microsoft'] as const) figures.push(...(await firstSync(t, provider)));
  if (runs('overhead')) figures.push(...(await writeOverhead(t, 'worker in the API process')));
  if (runs('latency')) figures.push(...(await latency(t)));
  if (runs('recovery')) figures.push(...(await recovery(t)));
  const peak = rss.stop();
  const apart = 'needs PostgreSQL (the embedded database belongs to one process) and `pnpm build`';
  if (runs('overhead-worker-apart')) {
    if (POSTGRES && builtEntryPoints()) figures.push(...(await overheadWorkerApart()));
    else note('intervention create, sync on / off, worker in its own process', apart);
  }
  if (runs('two-apis')) {
    if (POSTGRES && builtEntryPoints()) figures.push(...(await twoApis(t)));
    else note('two API processes sharing the database', apart);
  }
  // Push last: a second app in this process, after the RSS sample.
  if (pullOnly) figures.push(...calendarChangeFigures(await pushMoves(PRODUCT), pullOnly));
  figures.push({ figure: 'peak RSS (API and in-process emulator, one process; before the multi-process scenarios)', value: `${Math.round(peak / 2 ** 20)} MiB`, bar: 'reported (<= 256 MiB)', pass: null });
  report(figures, { size: SMALL ? 'small' : 'full', database: POSTGRES ? 'postgresql' : 'embedded', quotaPerSecond: QUOTA_PER_SECOND, providerLatencyMs: PROVIDER_LATENCY_MS, only: ONLY ?? 'all' });
});
