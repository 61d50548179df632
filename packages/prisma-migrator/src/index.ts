// @fs/prisma-migrator: standard Prisma migrations (prisma/migrations/*/migration.sql),
// created and applied by Prisma's own schema engine run as WebAssembly, because the
// native schema-engine binary cannot be downloaded here. See README.md.
export { applyMigrations } from './apply-migrations';
export type { ApplyMigrationsOptions } from './apply-migrations';
export { diffMigrationsToSchema, hasSchemaChanges } from './diff-migrations';
export type { DiffMigrationsOptions } from './diff-migrations';
export { createMigration, migrationSlug } from './create-migration';
export type { CreateMigrationOptions, CreatedMigration } from './create-migration';
export { openPGliteAdapterFactory, pgliteAdapterFactory } from './adapters/pglite.adapter';
export { createScratchPGlite } from './adapters/scratch-pglite';
export type { OpenedAdapterFactory } from './adapters/pglite.adapter';
export { openPostgresAdapterFactory } from './adapters/postgres.adapter';
export { LOCKFILE_NAME, MIGRATION_FILE_NAME, migrationTimestamp, readMigrationsList } from './migrations/migrations-dir';
export type { MigrationAdapterFactory } from './engine/schema-engine-session';
export { loadSchemaEngine } from './engine/wasm-loader';
