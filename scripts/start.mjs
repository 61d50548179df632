// `pnpm start`: builds everything, prepares .env and the embedded database, starts the
// calendar emulator when no provider credentials are configured, then the API and the
// PWA. Ctrl+C stops them all.
import { spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
// The pnpm that runs this script: a JS entry point (older pnpm) or a native binary (pnpm 12).
const execPath = process.env.npm_execpath;
const pnpm = !execPath ? ['pnpm'] : /\.[cm]?js$/.test(execPath) ? [process.execPath, execPath] : [execPath];
const children = [];

function run(label, args, options = {}) {
  console.log(`\n▶ ${label}`);
  const result = spawnSync(pnpm[0], [...pnpm.slice(1), ...args], { cwd: root, stdio: 'inherit', ...options });
  if (result.status !== 0) {
    console.error(`✖ ${label} failed`);
    process.exit(result.status ?? 1);
  }
}

function ensureEnvFile() {
  const envPath = path.join(root, '.env');
  if (existsSync(envPath)) return;
  const text = readFileSync(path.join(root, '.env.example'), 'utf8')
    .replace(/^JWT_SECRET=$/m, `JWT_SECRET=${randomBytes(32).toString('hex')}`)
    .replace(/^TOKEN_ENCRYPTION_KEY=$/m, `TOKEN_ENCRYPTION_KEY=k1:${randomBytes(32).toString('base64')}`);
  writeFileSync(envPath, text, { mode: 0o600 });
  console.log('Created .env with fresh secrets (see .env.example for every option).');
}

function readEnv() {
  const fromFile = {};
  for (const line of readFileSync(path.join(root, '.env'), 'utf8').split('\n')) {
    const match = /^\s*([A-Z0-9_]+)=(.*)$/.exec(line);
    if (match && match[2] !== '') fromFile[match[1]] = match[2];
  }
  return { ...fromFile, ...process.env };
}

function startChild(label, command, args, env, cwd = root) {
  const child = spawn(command, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
  const prefix = (chunk) => chunk.toString().replace(/^(?=.)/gm, `[${label}] `);
  child.stdout.on('data', (c) => process.stdout.write(prefix(c)));
  child.stderr.on('data', (c) => process.stderr.write(prefix(c)));
  child.on('exit', (code) => {
    if (!stopping) {
      console.error(`[${label}] stopped (exit ${code}); stopping everything.`);
      stop(code ?? 1);
    }
  });
  children.push(child);
  return child;
}

async function waitFor(url, label, seconds = 60) {
  for (let i = 0; i < seconds * 4; i++) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  console.error(`✖ ${label} did not answer at ${url}`);
  stop(1);
}

let stopping = false;
function stop(code = 0) {
  stopping = true;
  for (const child of children) child.kill('SIGTERM');
  setTimeout(() => process.exit(code), 500);
}
process.on('SIGINT', () => stop(0));
process.on('SIGTERM', () => stop(0));

ensureEnvFile();
run('Generating the database client', ['db:generate']);
run('Building', ['build']);

const env = readEnv();
const hasProviderCredentials = Boolean(env.GOOGLE_CLIENT_ID || env.MICROSOFT_CLIENT_ID);
if (!hasProviderCredentials && !env.CALENDAR_EMULATOR_URL) {
  env.CALENDAR_EMULATOR_URL = 'http://127.0.0.1:4545';
  startChild('emulator', process.execPath, [
    'packages/calendar-emulator/dist/cli.js', '--port', '4545', '--https-port', '4546', '--data-dir', '.data/emulator',
  ], env);
  // The API reads the emulator's /_emulator/info at boot, so the emulator must be up first.
  await waitFor('http://127.0.0.1:4545/_emulator/info', 'The calendar emulator');
  // The emulator reaches this API on the loopback (real providers cannot): with push, a move
  // in the emulator's calendar reaches dispatch within seconds, as it would in production.
  env.PUBLIC_API_URL ??= `http://127.0.0.1:${env.PORT ?? 3000}`;
}

if (env.DATABASE_URL) {
  run('Applying migrations to DATABASE_URL', ['db:migrate'], { env });
} else if (!existsSync(path.join(root, env.EMBEDDED_DB_DIR ?? '.data/pglite', 'PG_VERSION'))) {
  run('First run: creating the embedded database with demo data', ['db:seed'], { env });
}

startChild('api', process.execPath, ['apps/api/dist/main.js'], env);
startChild('pwa', pnpm[0], [...pnpm.slice(1), '--filter', '@fs/pwa', 'exec', 'vite', 'preview', '--port', '5173', '--strictPort'], env);

setTimeout(() => {
  console.log(`
  ┌──────────────────────────────────────────────────────────────────┐
  │ PWA       http://localhost:5173   (alice@example.com / demo1234) │
  │ API       http://localhost:3000/api/v1   docs: /api/docs         │
  │ Emulator  ${env.CALENDAR_EMULATOR_URL ? env.CALENDAR_EMULATOR_URL.padEnd(55) : 'off (provider credentials configured)'.padEnd(55)}│
  └──────────────────────────────────────────────────────────────────┘
  Ctrl+C stops everything.`);
}, 4000);
