// Prisma migrations without the native schema engine (see packages/prisma-migrator):
//   node prisma/tools/migrate.mjs deploy         apply pending migrations to DATABASE_URL,
//                                                or to the embedded PGlite at EMBEDDED_DB_DIR
//   node prisma/tools/migrate.mjs create <name>  write the next migration from schema.prisma
//   node prisma/tools/migrate.mjs check          exit 1 printing the SQL when they drift apart
// Builds @fs/prisma-migrator first when its dist/ is missing or older than its sources.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const packageDir = path.join(root, 'packages/prisma-migrator');
const migrationsDir = path.join(root, 'prisma/migrations');
const schemaPath = path.join(root, 'prisma/schema.prisma');

const commands = { deploy, create, check };
const [command, ...args] = process.argv.slice(2);
if (!commands[command]) {
  console.error('usage: migrate.mjs deploy | create <name> | check');
  process.exit(2);
}
ensureBuilt();
const migrator = createRequire(path.join(packageDir, 'package.json'))('@fs/prisma-migrator');
try {
  process.exitCode = (await commands[command](...args)) ?? 0;
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
}

async function deploy() {
  const url = process.env.DATABASE_URL;
  const dir = process.env.EMBEDDED_DB_DIR || '.data/pglite';
  const dataDir = dir.startsWith('memory://') ? dir : path.resolve(root, dir);
  const target = url ? `PostgreSQL ${redact(url)}` : `embedded PGlite ${dataDir}`;
  const db = url ? migrator.openPostgresAdapterFactory(url) : await migrator.openPGliteAdapterFactory({ dataDir });
  try {
    const { applied } = await migrator.applyMigrations({ adapterFactory: db.adapterFactory, migrationsDir });
    console.log(applied.length ? `Applied to ${target}:\n${applied.map((n) => `  ${n}`).join('\n')}` : `${target} is up to date.`);
  } finally {
    await db.close();
  }
}

async function create(name) {
  if (!name) throw new Error('usage: migrate.mjs create <name>');
  const created = await migrator.createMigration({ migrationsDir, schemaPath, name });
  if (!created.directoryName) {
    console.log('schema.prisma matches the migrations: no migration written.');
    return;
  }
  console.log(`Wrote ${path.relative(root, created.filePath)}:\n\n${created.sql}`);
}

async function check() {
  const sql = await migrator.diffMigrationsToSchema({ migrationsDir, schemaPath });
  if (!migrator.hasSchemaChanges(sql)) {
    console.log('schema.prisma and prisma/migrations agree.');
    return 0;
  }
  console.error(`schema.prisma differs from prisma/migrations; \`pnpm db:migrate:create <name>\` would write:\n\n${sql}`);
  return 1;
}

function ensureBuilt() {
  const built = path.join(packageDir, 'dist/index.js');
  if (existsSync(built) && newestMtime(path.join(packageDir, 'src')) <= statSync(built).mtimeMs) return;
  const tsc = createRequire(path.join(packageDir, 'package.json')).resolve('typescript/bin/tsc');
  const result = spawnSync(process.execPath, [tsc, '-p', path.join(packageDir, 'tsconfig.json')], { stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

function newestMtime(dir) {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile())
    .reduce((max, e) => Math.max(max, statSync(path.join(e.parentPath ?? e.path, e.name)).mtimeMs), 0);
}

function redact(url) {
  return url.replace(/\/\/([^:@/]+):[^@/]*@/, '//$1:***@');
}
