// Compares a migration history with a Prisma schema, through Prisma's engine: replays
// the migrations on a shadow database and diffs the result with the schema. The SQL
// that comes back is exactly what the next migration must contain.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { POSTGRES_LOCKFILE, readMigrationsList } from './migrations/migrations-dir';
import { NO_EXTERNAL_ENTITIES, withSchemaEngine } from './engine/schema-engine-session';
import type { MigrationAdapterFactory } from './engine/schema-engine-session';
import { openPGliteAdapterFactory } from './adapters/pglite.adapter';

export interface DiffMigrationsOptions {
  migrationsDir: string;
  schemaPath: string;
  /**
   * Whose shadow database replays the history. Default: an in-memory PGlite, so no
   * server is needed (its shadow database is another in-memory PGlite). Not PrismaPg:
   * @prisma/adapter-pg 7.10.0 cannot read the `"char"` columns of the catalog queries
   * the engine uses to describe a schema ("Column type 'char' could not be deserialized").
   */
  adapterFactory?: MigrationAdapterFactory;
  onLog?: (line: string) => void;
}

/** SQL from the migration history to the schema; only comments when they agree. */
export async function diffMigrationsToSchema(options: DiffMigrationsOptions): Promise<string> {
  if (options.adapterFactory) return diffWith(options.adapterFactory, options);
  const embedded = await openPGliteAdapterFactory();
  try {
    return await diffWith(embedded.adapterFactory, options);
  } finally {
    await embedded.close();
  }
}

async function diffWith(adapterFactory: MigrationAdapterFactory, options: DiffMigrationsOptions): Promise<string> {
  const schemaPath = path.resolve(options.schemaPath);
  const content = await readFile(schemaPath, 'utf8');
  const migrationsList = await readMigrationsList(options.migrationsDir);
  // The engine needs the provider of the history; before the first migration there is
  // no lockfile yet, and this product only speaks PostgreSQL.
  migrationsList.lockfile.content ??= POSTGRES_LOCKFILE;
  const result = await withSchemaEngine(
    { adapterFactory, datamodels: [[schemaPath, content]], onLog: options.onLog },
    (engine) =>
      engine.diff({
        from: { tag: 'migrations', ...migrationsList },
        to: { tag: 'schemaDatamodel', files: [{ path: schemaPath, content }] },
        script: true,
        exitCode: null,
        filters: NO_EXTERNAL_ENTITIES,
      }),
  );
  return result.stdout ?? '';
}

/** True when a diff holds SQL to run, not only comments such as "-- This is an empty migration.". */
export function hasSchemaChanges(sql: string): boolean {
  return sql.split('\n').some((line) => line.trim() !== '' && !line.trim().startsWith('--'));
}
