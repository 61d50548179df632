// Separate processes for the benchmark: the product's own entry points (dist/main.js for an
// API process, dist/worker.main.js for `pnpm worker`) started on the database and emulator
// of the app under measure, so what is measured is what an admin would run.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

const DIST = path.resolve(__dirname, '..', 'dist');

export interface Spawned {
  child: ChildProcess;
  stop(): Promise<void>;
}

/** The process's peak resident memory in MiB (Linux: VmHWM), or undefined where unknown. */
export function peakRssMiB(child: ChildProcess): number | undefined {
  try {
    const kib = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'))?.[1];
    return kib ? Math.round(Number(kib) / 1024) : undefined;
  } catch {
    return undefined;
  }
}

/** Whether `pnpm build` produced the entry points (the bench itself runs from source). */
export const builtEntryPoints = () => existsSync(path.join(DIST, 'main.js')) && existsSync(path.join(DIST, 'worker.main.js'));

/**
 * Starts `dist/<entry>` with the app's configuration plus `extra`; resolves once it printed
 * `ready` (a substring of its first line: "API listening", "sync worker running").
 */
export function spawnEntry(entry: 'main.js' | 'worker.main.js', env: Record<string, string | undefined>, ready: string): Promise<Spawned> {
  const child = spawn(process.execPath, [path.join(DIST, entry)], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const stop = () =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) return resolve(); // exited, or killed
      child.once('exit', () => resolve());
      child.kill('SIGTERM');
    });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${entry} did not start: ${output}`)), 60_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes(ready)) {
        clearTimeout(timer);
        resolve({ child, stop });
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`${entry} exited with ${code}: ${output}`));
    });
  });
}
