// The behaviours applyMigrations promises, written once and run against each backend
// (in-memory PGlite always, a PostgreSQL server when DATABASE_URL is set).
import { cp, mkdir, mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { createHash } from 'node:crypto';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect } from 'vitest';
import { applyMigrations } from '../src';
import type { MigrationAdapterFactory } from '../src';
import { MIGRATIONS_DIR } from './repo-paths';

export interface TestDatabase {
  adapterFactory: MigrationAdapterFactory;
  rows<T>(sql: string): Promise<T[]>;
}

interface MigrationRow {
  migration_name: string;
  checksum: string;
  finished_at: Date | null;
  rolled_back_at: Date | null;
  applied_steps_count: number;
  logs: string | null;
}

export async function appliesTheCommittedMigrationsOnce(db: TestDatabase): Promise<void> {
  const first = await applyMigrations({ adapterFactory: db.adapterFactory, migrationsDir: MIGRATIONS_DIR });
  const committed = await committedMigrationNames();
  expect(first.applied).toEqual(committed);

  const tables = await db.rows<{ table_name: string }>(
    "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY table_name",
  );
  expect(tables.map((t) => t.table_name).sort()).toEqual(['_prisma_migrations', ...(await tablesCreatedByMigrations(committed))].sort());

  // The bookkeeping `prisma migrate deploy` keeps: sha256 of migration.sql, finished.
  const rows = await db.rows<MigrationRow>('SELECT * FROM _prisma_migrations ORDER BY migration_name');
  expect(rows.map((r) => r.migration_name)).toEqual(committed);
  for (const row of rows) {
    const sql = await readFile(path.join(MIGRATIONS_DIR, row.migration_name, 'migration.sql'));
    expect(row.checksum).toBe(createHash('sha256').update(sql).digest('hex'));
    expect(row.finished_at).not.toBeNull();
    expect(row.applied_steps_count).toBe(1);
  }

  const second = await applyMigrations({ adapterFactory: db.adapterFactory, migrationsDir: MIGRATIONS_DIR });
  expect(second.applied).toEqual([]);
  expect(await db.rows('SELECT 1 FROM _prisma_migrations')).toHaveLength(rows.length);
}

/** Every table the committed migrations create, read from their SQL (the schema grows). */
async function tablesCreatedByMigrations(names: string[]): Promise<string[]> {
  const tables: string[] = [];
  for (const name of names) {
    const sql = await readFile(path.join(MIGRATIONS_DIR, name, 'migration.sql'), 'utf8');
    for (const match of sql.matchAll(/CREATE TABLE "([^"]+)"/g)) tables.push(match[1]!);
  }
  return tables;
}

/** Semicolons inside strings and function bodies must not cut a statement in two. */
export async function appliesScriptsWithSemicolonsInside(db: TestDatabase): Promise<void> {
  const migrationsDir = await historyWith('20990101000000_notes_trigger', [
    `CREATE TABLE "notes" ("id" SERIAL PRIMARY KEY, "body" TEXT NOT NULL DEFAULT 'a;b');`,
    `CREATE FUNCTION "notes_suffix"() RETURNS trigger AS $$`,
    `BEGIN`,
    `  NEW."body" := NEW."body" || ';end';`,
    `  RETURN NEW;`,
    `END;`,
    `$$ LANGUAGE plpgsql;`,
    `CREATE TRIGGER "notes_suffix" BEFORE INSERT ON "notes" FOR EACH ROW EXECUTE FUNCTION "notes_suffix"();`,
  ]);
  const { applied } = await applyMigrations({ adapterFactory: db.adapterFactory, migrationsDir });
  expect(applied.at(-1)).toBe('20990101000000_notes_trigger');
  await db.rows('INSERT INTO "notes" DEFAULT VALUES');
  expect(await db.rows('SELECT "body" FROM "notes"')).toEqual([{ body: 'a;b;end' }]);
}

/** A failing migration is reported by name, recorded as failed, and blocks later runs. */
export async function recordsAFailedMigrationAndStops(db: TestDatabase): Promise<void> {
  const migrationsDir = await historyWith('20990101000000_broken', ['ALTER TABLE "no_such_table" ADD COLUMN "x" INTEGER;']);
  await expect(applyMigrations({ adapterFactory: db.adapterFactory, migrationsDir })).rejects.toThrow(/20990101000000_broken/);

  const failed = await db.rows<MigrationRow>(`SELECT * FROM _prisma_migrations WHERE migration_name = '20990101000000_broken'`);
  expect(failed).toHaveLength(1);
  expect(failed[0].finished_at).toBeNull();
  expect(failed[0].logs).toMatch(/no_such_table/);

  await expect(applyMigrations({ adapterFactory: db.adapterFactory, migrationsDir })).rejects.toThrow(/failed/i);
}

/** A copy of the committed history plus one more migration. */
async function historyWith(name: string, lines: string[]): Promise<string> {
  const dir = path.join(await mkdtemp(path.join(tmpdir(), 'prisma-migrator-history-')), 'migrations');
  await cp(MIGRATIONS_DIR, dir, { recursive: true });
  await mkdir(path.join(dir, name));
  await writeFile(path.join(dir, name, 'migration.sql'), `${lines.join('\n')}\n`);
  return dir;
}

async function committedMigrationNames(): Promise<string[]> {
  const entries = await readdir(MIGRATIONS_DIR, { withFileTypes: true });
  return entries.filter((e) => e.isDirectory()).map((e) => e.name).sort();
}
