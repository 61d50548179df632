// Two API processes sharing one PostgreSQL database: the in-process app of the bench and a
// second one started from dist/main.js, each with its worker on (wakes on commit, shared
// per-account pace). Changes go to both alternately, for two accounts; measured: how fast
// they all reach the calendars, and that no intervention got two events.
import { createServer } from 'node:net';
import type { EmulatedTestApp } from '../test/support/calendar-emulator';
import { interventionBody } from '../test/support/intervention-body';
import { peakRssMiB, spawnEntry } from './bench-processes';
import { connect, userId, waitFor, type Figure } from './bench-support';
import { ACCOUNTS, N, PROVIDER_LATENCY_MS, QUOTA_PER_SECOND, slowProviders } from './sync-scenarios';

const freePort = () =>
  new Promise<number>((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });

/** The in-process app's own address (supertest alone would not bind a port the bench can reuse). */
async function listeningUrl(t: EmulatedTestApp): Promise<string> {
  const server = t.app.getHttpServer();
  if (!server.listening) await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as { port: number }).port}`;
}

export async function twoApis(t: EmulatedTestApp): Promise<Figure[]> {
  const port = await freePort();
  const second = await spawnEntry('main.js', { ...t.env, PORT: String(port), SYNC_WORKER_ENABLED: 'true' }, 'API listening');
  try {
    await t.emu.control.reset();
    const calendars = { google: await connect(t, ACCOUNTS.google, 'google'), microsoft: await connect(t, ACCOUNTS.microsoft, 'microsoft') };
    const technicians = [await userId(t, ACCOUNTS.google), await userId(t, ACCOUNTS.microsoft)];
    await waitFor(async () => (await t.prisma.syncJob.count()) === 0, 120_000, 100);
    await slowProviders(t);
    const bases = [await listeningUrl(t), `http://127.0.0.1:${port}`];
    const dispatch = `Bearer ${await t.tokenFor('dispatch@example.com')}`;
    const titles: string[] = [];
    const started = performance.now();
    // Four requests in flight, spread over both processes and both technicians.
    let next = 0;
    const client = async () => {
      for (let i = next++; i < N.twoApis; i = next++) {
        const title = `Two APIs ${i}`;
        const response = await fetch(`${bases[i % 2]}/api/v1/interventions`, {
          method: 'POST',
          headers: { authorization: dispatch, 'content-type': 'application/json' },
          body: JSON.stringify(interventionBody({ title, technicianId: technicians[Math.floor(i / 2) % 2] })),
        });
        if (response.status !== 201) throw new Error(`create on ${bases[i % 2]} answered ${response.status}`);
        titles.push(title);
      }
    };
    await Promise.all([client(), client(), client(), client()]);
    // Only this scenario's events: the calendars also hold the earlier scenarios' interventions.
    const ours = new Set(titles);
    const written = async () => {
      const { events } = await t.emu.control.state();
      return events
        .filter((e) => !e.deleted && Object.values(calendars).includes(e.calendarId))
        .map((e) => String(e.body.summary ?? e.body.subject))
        .filter((title) => ours.has(title));
    };
    await waitFor(async () => new Set(await written()).size >= titles.length, 10 * 60_000, 100);
    const seconds = (performance.now() - started) / 1000;
    await new Promise((resolve) => setTimeout(resolve, 1000)); // a late duplicate would show up now
    const events = await written();
    const duplicates = events.length - new Set(events).size;
    const bound = 2 * QUOTA_PER_SECOND;
    const rss = peakRssMiB(second.child);
    return [
      { figure: `two API processes, one database: ${titles.length} creates (2 accounts, ${PROVIDER_LATENCY_MS} ms per call) -> events`, value: `${seconds.toFixed(1)} s = ${(titles.length / seconds).toFixed(1)} changes/s (pace bound ${bound}/s)`, bar: 'reported', pass: null },
      { figure: 'two API processes: interventions with more than one event', value: String(duplicates), bar: '0', pass: duplicates === 0 },
      { figure: 'peak RSS of the second API process (dist/main.js, worker on, alone in its process)', value: rss === undefined ? 'unknown here' : `${rss} MiB`, bar: 'reported (<= 256 MiB)', pass: null },
    ];
  } finally {
    await second.stop();
  }
}
