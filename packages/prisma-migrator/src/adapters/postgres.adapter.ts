// Adapter factory for a PostgreSQL server: @prisma/adapter-pg on a connection string,
// with migration scripts sent whole (see WholeScriptPrismaPg).
import pg from 'pg';
import { PrismaPg } from '@prisma/adapter-pg';
import type { SqlMigrationAwareDriverAdapterFactory } from '@prisma/driver-adapter-utils';
import type { OpenedAdapterFactory } from './pglite.adapter';

type PrismaPgAdapter = Awaited<ReturnType<PrismaPg['connect']>>;

/**
 * The factory owns one pool, ended by `close()`, so a CLI run exits as soon as it is done.
 * Use this rather than a bare `PrismaPg` to apply migrations (see WholeScriptPrismaPg).
 */
export function openPostgresAdapterFactory(connectionString: string): OpenedAdapterFactory {
  const pool = new pg.Pool({ connectionString, max: 2 });
  return { adapterFactory: new WholeScriptPrismaPg(new PrismaPg(pool)), close: () => pool.end() };
}

/**
 * PrismaPg 7.10.0 runs a script by splitting it on every ";" and sending the pieces one by
 * one, which breaks migrations holding a ";" inside a string or a function body (triggers).
 * The native engine sends a migration as one multi-statement simple query; so do we.
 * Shadow databases (CREATE/DROP DATABASE on the same server) are still PrismaPg's.
 */
export class WholeScriptPrismaPg implements SqlMigrationAwareDriverAdapterFactory {
  readonly provider = 'postgres';
  readonly adapterName: string;

  constructor(private readonly inner: PrismaPg) {
    this.adapterName = inner.adapterName;
  }

  async connect(): Promise<PrismaPgAdapter> {
    return sendScriptsWhole(await this.inner.connect());
  }

  async connectToShadowDb(): Promise<PrismaPgAdapter> {
    return sendScriptsWhole(await this.inner.connectToShadowDb());
  }
}

function sendScriptsWhole(adapter: PrismaPgAdapter): PrismaPgAdapter {
  const pool = adapter.underlyingDriver();
  // onError turns a pg error into the DriverAdapterError the engine reports (protected).
  const onError = (adapter as unknown as { onError(error: unknown): never }).onError.bind(adapter);
  adapter.executeScript = async (script: string) => {
    try {
      await pool.query(script); // no parameters: simple query protocol, many statements
    } catch (error) {
      onError(error);
    }
  };
  return adapter;
}
