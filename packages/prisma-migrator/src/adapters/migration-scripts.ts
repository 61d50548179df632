// Makes the two driver adapters run a migration script the way the native schema engine
// does: in one piece, awaited, with failures reported. As shipped they do not:
// - pglite-prisma-adapter 0.7.2 calls `pglite.exec(script)` without awaiting it, so a
//   failing migration is recorded in _prisma_migrations as applied and the error
//   surfaces later as an unhandled rejection; its shadow database is also a new
//   PGlite (initdb again, ~5 s of CPU) that is never closed;
// - @prisma/adapter-pg 7.10.0 splits the script on every ";" and so cuts statements
//   holding a ";" in a string or a function body (triggers) in two.
// Other factories pass through unchanged.
import type { PGlite } from '@electric-sql/pglite';
import type { Pool } from 'pg';
import { PrismaPGlite } from 'pglite-prisma-adapter';
import type { SqlDriverAdapter } from '@prisma/driver-adapter-utils';
import type { MigrationAdapterFactory } from '../engine/adapter-factory';
import { createScratchPGlite } from './scratch-pglite';

const PGLITE_ADAPTER = 'pglite-prisma-adapter';
const PG_ADAPTER = '@prisma/adapter-pg';

/** The adapters keep their error conversion (driver error -> DriverAdapterError) here. */
interface AdapterInternals {
  client: unknown;
  onError(error: unknown): never;
}

export function withReliableScripts(factory: MigrationAdapterFactory): MigrationAdapterFactory {
  if (factory.adapterName !== PGLITE_ADAPTER && factory.adapterName !== PG_ADAPTER) return factory;
  return {
    provider: factory.provider,
    adapterName: factory.adapterName,
    connect: async () => fixScripts(await factory.connect()),
    connectToShadowDb: async () =>
      factory.adapterName === PGLITE_ADAPTER ? scratchShadow() : fixScripts(await factory.connectToShadowDb()),
  };
}

function fixScripts(adapter: SqlDriverAdapter): SqlDriverAdapter {
  const internals = adapter as unknown as AdapterInternals;
  const run =
    adapter.adapterName === PGLITE_ADAPTER
      ? (script: string) => (internals.client as PGlite).exec(script)
      : // No parameters: the simple query protocol, which takes many statements at once.
        (script: string) => (internals.client as Pool).query(script);
  adapter.executeScript = async (script: string) => {
    try {
      await run(script);
    } catch (error) {
      internals.onError(error);
    }
  };
  return adapter;
}

/** A scratch PGlite as shadow database, closed when the engine lets go of it. */
async function scratchShadow(): Promise<SqlDriverAdapter> {
  const pglite = await createScratchPGlite();
  const adapter = fixScripts(await new PrismaPGlite(pglite).connect());
  const dispose = adapter.dispose.bind(adapter);
  adapter.dispose = async () => {
    await dispose();
    await pglite.close();
  };
  return adapter;
}
