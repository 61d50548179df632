// Applies the pending migrations of a migrations directory to a database, through
// Prisma's own engine: same SQL execution and same `_prisma_migrations` bookkeeping
// (checksums, started/finished times, failures) as `prisma migrate deploy`.
import { readMigrationsList } from './migrations/migrations-dir';
import { NO_EXTERNAL_ENTITIES, withSchemaEngine } from './engine/schema-engine-session';
import type { MigrationAdapterFactory } from './engine/schema-engine-session';

export interface ApplyMigrationsOptions {
  adapterFactory: MigrationAdapterFactory;
  migrationsDir: string;
  onLog?: (line: string) => void;
}

/** Returns the names of the migrations applied now; empty when the database was up to date. */
export async function applyMigrations(options: ApplyMigrationsOptions): Promise<{ applied: string[] }> {
  const migrationsList = await readMigrationsList(options.migrationsDir);
  const output = await withSchemaEngine(options, (engine) =>
    engine.applyMigrations({ migrationsList, filters: NO_EXTERNAL_ENTITIES }),
  );
  return { applied: output.appliedMigrationNames };
}
