// Two-way sync, the way back: a technician moves one of our events in their own calendar (the
// emulator's owner control) and dispatch sees an open calendar change through
// GET /calendar-changes?status=open. Two variants: pull only (the bench's app: no
// PUBLIC_API_URL, the pull interval at its minimum, so the latency is bounded by it) and push
// (an app of its own with PUBLIC_API_URL set to its real port, so the watch channel's
// notification makes the pull due at once; its pull interval is an hour, so only push can be
// that fast; run last, after the bench's RSS sample, as it is a second app in this process). Moves go
// one at a time, each waited for, so the figure is latency, not throughput; each must make
// exactly one change, or the scenario fails.
import type { CalendarChange } from '@fs/contracts';
import { startEmulatedTestApp, type EmulatedTestApp } from '../test/support/calendar-emulator';
import { ownerCalendar } from '../test/support/owner-calendar';
import { connect, createIntervention, percentile, userId, waitFor, type Figure } from './bench-support';
import { ACCOUNTS, disconnect, N, PROVIDER_LATENCY_MS, slowProviders } from './sync-scenarios';

const HOUR = 3_600_000;
/** SYNC_PULL_INTERVAL_MS's minimum (env.schema.ts), which the bench's app runs with: the shortest pull-only run. */
export const PULL_ONLY_INTERVAL_MS = 1_000;
const EMAIL = ACCOUNTS.google;
const fmt = (ms: number) => `${Math.round(ms)} ms`;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

interface Variant {
  name: 'push' | 'pull only';
  push: boolean;
  intervalMs: number;
}

/**
 * Pull only, on the bench's app (started with SYNC_PULL_INTERVAL_MS = PULL_ONLY_INTERVAL_MS, no
 * PUBLIC_API_URL); the latencies in ms. Leaves the app as it found it: one-way, same interventions.
 */
export async function pullOnlyMoves(t: EmulatedTestApp): Promise<number[]> {
  if (t.env.PUBLIC_API_URL || Number(t.env.SYNC_PULL_INTERVAL_MS) !== PULL_ONLY_INTERVAL_MS) throw new Error('the bench app is not configured for pull only');
  await t.emu.control.reset();
  const ids: string[] = [];
  try {
    return await measure(t, { name: 'pull only', push: false, intervalMs: PULL_ONLY_INTERVAL_MS }, ids);
  } finally {
    await disconnect(t, 'google');
    const dispatch = `Bearer ${await t.tokenFor('dispatch@example.com')}`;
    for (const id of ids) await t.http.delete(`/api/v1/interventions/${id}`).set('Authorization', dispatch).expect(204);
  }
}

/** Push, on an app of its own that listens on a real port (PUBLIC_API_URL); the latencies in ms. */
export async function pushMoves(product: Record<string, string>): Promise<number[]> {
  // All notifications come from the emulator's one address: the public limit would cut them.
  const app = await startEmulatedTestApp(
    { ...product, SYNC_WORKER_ENABLED: 'true', SYNC_PULL_INTERVAL_MS: String(HOUR), PUBLIC_RATE_LIMIT_PER_MINUTE: '100000' },
    { listen: true },
  );
  try {
    return await measure(app, { name: 'push', push: true, intervalMs: HOUR }, []);
  } finally {
    await app.close();
  }
}

export function calendarChangeFigures(push: number[], pull: number[]): Figure[] {
  const value = (ms: number[]) => `p50 ${fmt(percentile(ms, 50))}, p95 ${fmt(percentile(ms, 95))}, max ${fmt(Math.max(...ms))}`;
  return [
    { figure: `calendar move -> open change visible, push (pull interval 1 h), ${push.length} moves, ${PROVIDER_LATENCY_MS} ms per call`, value: value(push), bar: 'p95 <= 2 s', pass: percentile(push, 95) <= 2_000 },
    { figure: `same, pull only (pull interval ${PULL_ONLY_INTERVAL_MS} ms, the minimum; moves at spread phases of it), ${pull.length} moves`, value: value(pull), bar: `reported (up to one ${PULL_ONLY_INTERVAL_MS} ms interval plus a pull)`, pass: null },
    { figure: 'calendar moves: open changes per move, both variants', value: 'exactly 1 each (checked after every move and at the end)', bar: 'exactly 1', pass: true },
  ];
}

/** Sets up N synced events of alice's two-way calendar (their interventions into `ids`), then moves them one by one; the latencies in ms. */
async function measure(t: EmulatedTestApp, variant: Variant, ids: string[]): Promise<number[]> {
  const calendarId = await connect(t, EMAIL, 'google');
  const auth = `Bearer ${await t.tokenFor(EMAIL)}`;
  const settings = await t.http.post('/api/v1/integrations/google/settings').set('Authorization', auth).send({ syncMode: 'two-way' });
  if (settings.status !== 200) throw new Error(`two-way settings answered ${settings.status}`);
  const alice = await userId(t, EMAIL);
  for (let i = 0; i < N.calendarMoves; i++) ids.push((await createIntervention(t, alice, `Two-way ${variant.name} ${i}`)).id);
  await settle(t, variant, ids);
  await slowProviders(t);
  const dispatch = `Bearer ${await t.tokenFor('dispatch@example.com')}`;
  const open = async () => {
    const { status, body } = await t.http.get('/api/v1/calendar-changes?status=open').set('Authorization', dispatch);
    if (status !== 200) throw new Error(`calendar-changes answered ${status}`);
    return body as CalendarChange[];
  };
  if ((await open()).length !== 0) throw new Error(`${variant.name}: open changes before any move (our own writes came back)`);

  const owner = ownerCalendar(t.emu, 'google', EMAIL, calendarId);
  const latencies: number[] = [];
  const expected = new Map<string, string>();
  for (const [i, id] of ids.entries()) {
    const [intervention, sync] = await Promise.all([
      t.prisma.intervention.findUniqueOrThrow({ where: { id } }),
      t.prisma.interventionSync.findFirstOrThrow({ where: { interventionId: id } }),
    ]);
    const start = new Date(intervention.startsAt.getTime() + 2 * HOUR);
    expected.set(id, start.toISOString());
    // Pull only: the move lands at a spread phase of the pull interval (the golden-ratio
    // sequence), as a technician's edit would; right after a pull it would always wait a whole one.
    if (!variant.push) await sleep(((i * 0.618_034) % 1) * variant.intervalMs);
    const started = performance.now();
    await owner.move(sync.externalId!, start, new Date(intervention.endsAt.getTime() + 2 * HOUR));
    let seen: CalendarChange[] = [];
    await waitFor(async () => (seen = await open()).some((c) => c.interventionId === id), 15_000, 10);
    latencies.push(performance.now() - started); // from before the edit: the control call counts as the edit's time

    if (seen.length !== i + 1) throw new Error(`${variant.name}: after move ${i + 1}, ${seen.length} open changes`);
    check(variant, seen, expected);
  }
  // A late duplicate (a later pull or notification seeing the same move again) would show up by now.
  const lastSeen = new Date();
  if (variant.push) await sleep(500);
  else await waitFor(async () => ((await t.prisma.calendarPull.findFirst())?.pulledAt ?? lastSeen) > lastSeen, 10_000, 50);
  const all = await open();
  if (all.length !== ids.length) throw new Error(`${variant.name}: ${all.length} open changes for ${ids.length} moves`);
  check(variant, all, expected);
  return latencies;
}

/** Exactly one change per moved intervention, a move to where the owner put it. */
function check(variant: Variant, changes: CalendarChange[], expected: Map<string, string>) {
  const per = new Map<string, number>();
  for (const change of changes) {
    per.set(change.interventionId, (per.get(change.interventionId) ?? 0) + 1);
    if (change.kind !== 'moved' || change.proposedStartsAt !== expected.get(change.interventionId)) {
      throw new Error(`${variant.name}: unexpected change ${JSON.stringify(change)}`);
    }
  }
  const doubled = [...per].filter(([, count]) => count !== 1);
  if (doubled.length) throw new Error(`${variant.name}: interventions with more than one change: ${JSON.stringify(doubled)}`);
}

/**
 * Our events are written and a pull saw them (our own writes: no change); with push, the
 * watch is live and the pulls its notifications asked for have run.
 */
async function settle(t: EmulatedTestApp, variant: Variant, ids: string[]) {
  await waitFor(async () => (await t.prisma.interventionSync.count({ where: { interventionId: { in: ids }, externalId: { not: null } } })) === ids.length && (await t.prisma.syncJob.count()) === 0, 120_000, 50);
  const written = new Date();
  if (variant.push) await waitFor(async () => (await t.prisma.watchChannel.findFirst())?.state === 'active', 30_000, 50);
  await waitFor(async () => {
    const pull = await t.prisma.calendarPull.findFirst();
    if (!pull?.pulledAt || pull.lockedUntil || (await t.prisma.syncJob.count()) > 0) return false;
    // Pull only: the next periodic pull after the writes. Push: no pull due (the notifications of our writes were handled).
    return variant.push ? pull.nextPullAt > new Date() : pull.pulledAt > written;
  }, 60_000, 50);
}
