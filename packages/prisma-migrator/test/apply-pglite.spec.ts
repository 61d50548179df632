// applyMigrations on the embedded backend: PGlite in memory, and on a data directory
// the way `pnpm db:migrate` and the API's first start use it.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { PGlite } from '@electric-sql/pglite';
import { afterEach, describe, expect, it } from 'vitest';
import { applyMigrations, createScratchPGlite, openPGliteAdapterFactory, pgliteAdapterFactory } from '../src';
import {
  appliesScriptsWithSemicolonsInside,
  appliesTheCommittedMigrationsOnce,
  recordsAFailedMigrationAndStops,
} from './migration-scenarios';
import type { TestDatabase } from './migration-scenarios';
import { MIGRATIONS_DIR } from './repo-paths';

describe('applyMigrations on PGlite (embedded)', () => {
  const opened: PGlite[] = [];
  afterEach(async () => {
    await Promise.all(opened.splice(0).map((p) => p.close()));
  });

  async function inMemory(): Promise<TestDatabase> {
    const pglite = await createScratchPGlite();
    opened.push(pglite);
    return { adapterFactory: pgliteAdapterFactory(pglite), rows: async (sql) => (await pglite.query(sql)).rows as never[] };
  }

  it('creates the tables and records the migrations once; a second run applies nothing', async () => {
    await appliesTheCommittedMigrationsOnce(await inMemory());
  });

  it('runs migrations whose strings and function bodies hold semicolons', async () => {
    await appliesScriptsWithSemicolonsInside(await inMemory());
  });

  it('records a failed migration by name and refuses to go on', async () => {
    await recordsAFailedMigrationAndStops(await inMemory());
  });

  it('persists in a data directory: reopening it finds nothing left to apply', async () => {
    const dataDir = path.join(await mkdtemp(path.join(tmpdir(), 'prisma-migrator-pglite-')), 'pglite');
    try {
      const first = await openPGliteAdapterFactory({ dataDir });
      const applied = await applyMigrations({ adapterFactory: first.adapterFactory, migrationsDir: MIGRATIONS_DIR }).finally(first.close);
      expect(applied.applied.length).toBeGreaterThan(0);

      const again = await openPGliteAdapterFactory({ dataDir });
      const second = await applyMigrations({ adapterFactory: again.adapterFactory, migrationsDir: MIGRATIONS_DIR }).finally(again.close);
      expect(second.applied).toEqual([]);
    } finally {
      await rm(path.dirname(dataDir), { recursive: true, force: true });
    }
  });
});
