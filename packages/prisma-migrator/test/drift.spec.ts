// Guards the promise that prisma/migrations produces exactly prisma/schema.prisma, and
// that the comparison would notice if it did not.
import { cp, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createMigration, diffMigrationsToSchema, hasSchemaChanges } from '../src';
import { MIGRATIONS_DIR, SCHEMA_PATH } from './repo-paths';

describe('prisma/migrations against prisma/schema.prisma', () => {
  let work: string;
  beforeEach(async () => {
    work = await mkdtemp(path.join(tmpdir(), 'prisma-migrator-drift-'));
  });
  afterEach(async () => {
    await rm(work, { recursive: true, force: true });
  });

  it('the committed migrations produce exactly the schema (run `pnpm db:migrate:create <name>` if this fails)', async () => {
    const sql = await diffMigrationsToSchema({ migrationsDir: MIGRATIONS_DIR, schemaPath: SCHEMA_PATH });
    expect(hasSchemaChanges(sql), `pending SQL:\n${sql}`).toBe(false);
  });

  it('reports the SQL a schema change needs (a new column on a copy of the schema)', async () => {
    const changedSchema = await writeChangedSchema(work);
    const sql = await diffMigrationsToSchema({ migrationsDir: MIGRATIONS_DIR, schemaPath: changedSchema });
    expect(hasSchemaChanges(sql)).toBe(true);
    expect(sql).toMatch(/ALTER TABLE "interventions" ADD COLUMN\s+"notes" TEXT;/);
  });

  it('create writes the next migration folder, after which the history matches again', async () => {
    const migrationsDir = path.join(work, 'migrations');
    await cp(MIGRATIONS_DIR, migrationsDir, { recursive: true });
    const schemaPath = await writeChangedSchema(work);

    const created = await createMigration({ migrationsDir, schemaPath, name: 'Intervention notes', now: new Date('2030-01-02T03:04:05Z') });

    expect(created.directoryName).toBe('20300102030405_intervention_notes');
    expect(await readFile(created.filePath!, 'utf8')).toMatch(/ADD COLUMN\s+"notes" TEXT;/);
    expect(hasSchemaChanges(await diffMigrationsToSchema({ migrationsDir, schemaPath }))).toBe(false);
    const again = await createMigration({ migrationsDir, schemaPath, name: 'nothing' });
    expect(again.directoryName).toBeNull();
    expect((await readdir(migrationsDir)).filter((n) => n.endsWith('_nothing'))).toEqual([]);
  });

  it('create on an empty directory writes the lockfile a tag:migrations history needs', async () => {
    const migrationsDir = path.join(work, 'fresh');
    const created = await createMigration({ migrationsDir, schemaPath: SCHEMA_PATH, name: 'init' });
    expect(created.sql).toContain('CREATE TABLE "users"');
    expect(await readFile(path.join(migrationsDir, 'migration_lock.toml'), 'utf8')).toContain('provider = "postgresql"');
  });
});

async function writeChangedSchema(dir: string): Promise<string> {
  const schema = await readFile(SCHEMA_PATH, 'utf8');
  const changed = schema.replace(/model Intervention \{\n/, 'model Intervention {\n  notes String?\n');
  expect(changed).not.toBe(schema);
  const file = path.join(dir, 'schema.prisma');
  await writeFile(file, changed);
  return file;
}
