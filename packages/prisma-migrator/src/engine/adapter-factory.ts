import type { SqlMigrationAwareDriverAdapterFactory } from '@prisma/driver-adapter-utils';

/**
 * What the engine talks to: `PrismaPg`, `PrismaPGlite` or any migration-aware factory.
 * pglite-prisma-adapter 0.7.2 is built against driver-adapter-utils 7.2.0 while the
 * engine and @prisma/adapter-pg are 7.10.0; the shapes the engine uses are the same.
 * Its own file so the adapters and the engine session both use it without importing each other.
 */
export type MigrationAdapterFactory = SqlMigrationAwareDriverAdapterFactory;
