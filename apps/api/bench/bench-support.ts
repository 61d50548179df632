// Helpers of the sync benchmark: the app under measure, interventions, waiting for events,
// percentiles, and the report (a table on stdout, the same as JSON under bench/results/).
import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { CalendarProviderId } from '@fs/contracts';
import type { EmulatedTestApp } from '../test/support/calendar-emulator';

export interface Figure {
  figure: string;
  value: string;
  bar: string;
  pass: boolean | null;
}

export const percentile = (values: number[], p: number): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] ?? NaN;
};
export const median = (values: number[]) => percentile(values, 50);

export async function userId(t: EmulatedTestApp, email: string): Promise<string> {
  return (await t.prisma.user.findUniqueOrThrow({ where: { email } })).id;
}

let serial = 0;
/** POST /interventions as dispatch; resolves with its id and how long the request took. */
export async function createIntervention(t: EmulatedTestApp, technicianId: string, title = `Bench ${++serial}`) {
  const dispatch = `Bearer ${await t.tokenFor('dispatch@example.com')}`;
  const day = 1 + (serial % 27);
  const started = performance.now();
  const { body, status } = await t.http
    .post('/api/v1/interventions')
    .set('Authorization', dispatch)
    .send({
      title,
      clientName: 'Bench client',
      address: '1 rue du Test, 75001 Paris',
      startsAt: `2027-03-${String(day).padStart(2, '0')}T09:00:00+01:00`,
      endsAt: `2027-03-${String(day).padStart(2, '0')}T10:00:00+01:00`,
      timeZone: 'Europe/Paris',
      technicianId,
    });
  if (status !== 201) throw new Error(`create answered ${status}`);
  return { id: body.id as string, title, ms: performance.now() - started };
}

/** Connects `email` to `provider` and (unless `choose` is false) targets its "Interventions" calendar. */
export async function connect(t: EmulatedTestApp, email: string, provider: CalendarProviderId, choose = true): Promise<string> {
  const auth = `Bearer ${await t.tokenFor(email)}`;
  await t.connect(email, provider);
  const { body } = await t.http.get(`/api/v1/integrations/${provider}/calendars`).set('Authorization', auth);
  const calendarId = body.find((c: { name: string }) => c.name === 'Interventions').id as string;
  if (choose) await chooseCalendar(t, email, provider, calendarId);
  return calendarId;
}

export async function chooseCalendar(t: EmulatedTestApp, email: string, provider: CalendarProviderId, calendarId: string) {
  const auth = `Bearer ${await t.tokenFor(email)}`;
  const { status } = await t.http.post(`/api/v1/integrations/${provider}/settings`).set('Authorization', auth).send({ calendarId });
  if (status !== 200) throw new Error(`settings answered ${status}`);
}

export async function liveTitles(t: EmulatedTestApp, calendarId: string): Promise<Set<string>> {
  const { events } = await t.emu.control.state();
  return new Set(events.filter((e) => e.calendarId === calendarId && !e.deleted).map((e) => String(e.body.summary ?? e.body.subject)));
}

/** Polls the emulator until `done` holds; resolves with the milliseconds it took. */
export async function waitFor(check: () => Promise<boolean>, timeoutMs: number, intervalMs = 10): Promise<number> {
  const started = performance.now();
  while (!(await check())) {
    if (performance.now() - started > timeoutMs) throw new Error(`not reached within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
  return performance.now() - started;
}

/** Samples this process's resident memory (the API and the in-process emulator). */
export function rssSampler() {
  let peak = process.memoryUsage().rss;
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 100);
  return { stop: () => (clearInterval(timer), peak) };
}

export function report(figures: Figure[], settings: Record<string, unknown>): void {
  const width = (key: keyof Figure) => Math.max(key.length, ...figures.map((f) => String(f[key]).length));
  const row = (f: Record<keyof Figure, unknown>) =>
    (['figure', 'value', 'bar', 'pass'] as const).map((k) => String(f[k]).padEnd(width(k))).join(' | ');
  const lines = [row({ figure: 'figure', value: 'value', bar: 'bar', pass: 'pass' }), ...figures.map((f) => row({ ...f, pass: f.pass === null ? '-' : f.pass ? 'yes' : 'NO' }))];
  const machine = { cpus: os.cpus().length, cpu: os.cpus()[0]?.model, memoryGiB: Math.round(os.totalmem() / 2 ** 30), node: process.version, loadavg: os.loadavg() };
  console.log(`\nSync benchmark (${JSON.stringify(settings)})\nmachine: ${JSON.stringify(machine)}\n${lines.join('\n')}\n`);
  const dir = path.resolve(__dirname, 'results');
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `sync-${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
  writeFileSync(file, JSON.stringify({ at: new Date().toISOString(), settings, machine, figures }, null, 2));
  console.log(`written: ${path.relative(process.cwd(), file)}`);
}
