// Starts what the browser tests need, each on a free port: the calendar emulator (in this
// process, so scenarios drive its control API), the seeded API on a fresh embedded database
// pointed at the emulator, a Radicale CalDAV server, and the built PWA under `vite preview`
// proxying /api to the API.
import { spawn, spawnSync } from 'node:child_process';
import { startRadicale } from './radicale.mjs';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const PWA_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const API_DIR = path.resolve(PWA_DIR, '../api');
const EMULATOR_DIR = path.resolve(PWA_DIR, '../../packages/calendar-emulator');
const VITE_BIN = path.join(PWA_DIR, 'node_modules/vite/bin/vite.js');
const pnpm = process.env.npm_execpath ? [process.execPath, process.env.npm_execpath] : ['pnpm'];

/** CalDAV accounts on the browser tests' Radicale (user name -> app-specific password). */
export const CALDAV_USERS = { alice: 'alice-app-password' };

export function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

function runOrThrow(label, command, args, options) {
  const result = spawnSync(command, args, { stdio: ['ignore', 'inherit', 'inherit'], ...options });
  if (result.status !== 0) throw new Error(`${label} failed (exit ${result.status})`);
}

async function waitForHttp(url, child, label, timeoutMs = 90_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`${label} exited early with code ${child.exitCode}`);
    try {
      const response = await fetch(url);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`${label} did not answer ${url} within ${timeoutMs} ms`);
}

function startProcess(label, args, options) {
  const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'], ...options });
  const output = [];
  const keep = (chunk) => {
    output.push(chunk.toString());
    if (process.env.E2E_VERBOSE) process.stderr.write(`[${label}] ${chunk}`);
  };
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);
  child.output = output;
  return child;
}

/** Normally built already (turbo builds dependencies before this package's tests); this covers a direct run. */
function buildIfMissing(dir, entry, pkg) {
  if (!existsSync(path.join(dir, entry))) runOrThrow(`${pkg} build`, pnpm[0], [...pnpm.slice(1), '--filter', pkg, 'build'], { cwd: PWA_DIR });
}

/**
 * Builds the PWA, starts the emulator, seeds and starts the API, starts `vite preview`.
 * Returns URLs, the emulator's control client and a stop().
 */
export async function startStack() {
  const tempDir = mkdtempSync(path.join(tmpdir(), 'pwa-e2e-'));
  const children = [];
  let emulator = null;
  const stop = async () => {
    for (const child of children) if (child.exitCode === null) child.kill('SIGTERM');
    await Promise.all(children.map((child) => (child.exitCode === null ? new Promise((r) => child.once('exit', r)) : null)));
    await emulator?.close();
    rmSync(tempDir, { recursive: true, force: true });
  };
  try {
    buildIfMissing(API_DIR, 'dist/main.js', '@fs/api');
    buildIfMissing(EMULATOR_DIR, 'dist/index.js', '@fs/calendar-emulator');
    runOrThrow('PWA build', process.execPath, [VITE_BIN, 'build', '--logLevel', 'warn'], { cwd: PWA_DIR });

    // Imported late: the package's dist may have just been built above.
    const { startEmulator } = await import('@fs/calendar-emulator');
    emulator = await startEmulator({ port: 0, httpsPort: 0, quiet: !process.env.E2E_VERBOSE });

    const [apiPort, pwaPort, davPort] = [await freePort(), await freePort(), await freePort()];
    const radicale = await startRadicale(tempDir, davPort, CALDAV_USERS);
    children.push(Object.assign(radicale.child, { output: [] }));
    const pwaUrl = `http://127.0.0.1:${pwaPort}`;
    const apiUrl = `http://127.0.0.1:${apiPort}`;
    // Always the embedded database and the emulator here, whatever the developer's shell has set.
    const inherited = Object.fromEntries(
      Object.entries(process.env).filter(([key]) => key !== 'DATABASE_URL' && !/^(GOOGLE|MICROSOFT)_/.test(key)),
    );
    const apiEnv = {
      ...inherited,
      PORT: String(apiPort),
      HOST: '127.0.0.1',
      EMBEDDED_DB_DIR: path.join(tempDir, 'db'),
      JWT_SECRET: randomBytes(32).toString('hex'),
      TOKEN_ENCRYPTION_KEY: randomBytes(32).toString('base64'),
      PWA_URL: pwaUrl,
      LOG_LEVEL: 'warn',
      // Both providers go to the emulator with its default OAuth clients (no real credentials).
      CALENDAR_EMULATOR_URL: emulator.url,
      // The local Radicale speaks plain HTTP.
      CALDAV_ALLOW_HTTP: 'true',
      // Two-way calendars are pulled every 2 s (default 2 min), so a move made in the emulator
      // reaches dispatch's inbox within a scenario's patience (16-two-way).
      SYNC_PULL_INTERVAL_MS: '2000',
    };
    runOrThrow('API seed', process.execPath, ['dist/database/seed.main.js'], { cwd: API_DIR, env: apiEnv });

    const api = startProcess('api', ['dist/main.js'], { cwd: API_DIR, env: apiEnv });
    children.push(api);
    await waitForHttp(`${apiUrl}/api/v1/health`, api, 'API');

    const preview = startProcess('pwa', [VITE_BIN, 'preview', '--host', '127.0.0.1', '--port', String(pwaPort), '--strictPort'], {
      cwd: PWA_DIR,
      env: { ...process.env, API_PROXY_TARGET: apiUrl },
    });
    children.push(preview);
    await waitForHttp(`${pwaUrl}/api/v1/health`, preview, 'vite preview');
    return {
      pwaUrl,
      apiUrl,
      emulatorUrl: emulator.url,
      emulator: emulator.control,
      caldavUrl: radicale.url,
      stop,
      logs: () => children.map((c) => c.output.join('')).join('\n'),
    };
  } catch (error) {
    await stop();
    throw error;
  }
}
