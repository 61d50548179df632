// Adapter factory for a PostgreSQL server: @prisma/adapter-pg on a connection string.
import pg from 'pg';
import { PrismaPg } from '@prisma/adapter-pg';
import type { OpenedAdapterFactory } from './pglite.adapter';

/**
 * The factory owns one pool, ended by `close()`, so a CLI run exits as soon as it is done.
 * Shadow databases (needed to diff a history) would be created and dropped on the same
 * server by PrismaPg, but see diff-migrations.ts: diff on PGlite instead.
 */
export function openPostgresAdapterFactory(connectionString: string): OpenedAdapterFactory {
  const pool = new pg.Pool({ connectionString, max: 2 });
  return { adapterFactory: new PrismaPg(pool), close: () => pool.end() };
}
