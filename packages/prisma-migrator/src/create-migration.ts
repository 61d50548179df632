// Writes the next migration folder from the difference between the migration history
// and the schema, like `prisma migrate dev --create-only` (without needing a database:
// the history is replayed on an in-memory PGlite shadow database).
import { diffMigrationsToSchema, hasSchemaChanges } from './diff-migrations';
import type { DiffMigrationsOptions } from './diff-migrations';
import { migrationTimestamp, writeMigration } from './migrations/migrations-dir';

export interface CreateMigrationOptions extends DiffMigrationsOptions {
  /** Free text; becomes the snake_case suffix of the folder name. */
  name: string;
  now?: Date;
}

export interface CreatedMigration {
  /** `<timestamp>_<name>`, or null when the schema had no change to migrate. */
  directoryName: string | null;
  filePath: string | null;
  sql: string;
}

export async function createMigration(options: CreateMigrationOptions): Promise<CreatedMigration> {
  const slug = migrationSlug(options.name);
  const sql = await diffMigrationsToSchema(options);
  if (!hasSchemaChanges(sql)) return { directoryName: null, filePath: null, sql };
  const directoryName = `${migrationTimestamp(options.now ?? new Date())}_${slug}`;
  const filePath = await writeMigration(options.migrationsDir, directoryName, sql);
  return { directoryName, filePath, sql };
}

export function migrationSlug(name: string): string {
  const slug = name.trim().toLowerCase().replace(/[^a-z0-9]+/g, '_').replace(/^_+|_+$/g, '');
  if (!slug) throw new Error(`Migration name "${name}" has no letters or digits`);
  return slug;
}
