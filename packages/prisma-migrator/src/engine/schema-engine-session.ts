// Opens one schema engine on a database (through a Prisma driver adapter factory), runs
// a piece of work with it and always frees it. Also turns the engine's errors, which
// arrive as plain objects or JSON strings, into Error instances with a readable message.
import { bindMigrationAwareSqlAdapterFactory } from '@prisma/driver-adapter-utils';
import type { SchemaEngine } from '@prisma/schema-engine-wasm' with { 'resolution-mode': 'import' };
import type { MigrationAdapterFactory } from './adapter-factory';
import { loadSchemaEngine } from './wasm-loader';
import { withReliableScripts } from '../adapters/migration-scripts';

export type { SchemaEngine };

export type { MigrationAdapterFactory };

export interface SchemaEngineOptions {
  adapterFactory: MigrationAdapterFactory;
  /** Prisma schema files the engine starts with: [path, content] pairs. */
  datamodels?: [string, string][];
  /** Receives the engine's structured log lines (JSON strings). Ignored by default. */
  onLog?: (line: string) => void;
}

/** Tables and enums managed outside Prisma: none in this product. */
export const NO_EXTERNAL_ENTITIES = { externalTables: [] as string[], externalEnums: [] as string[] };

export async function withSchemaEngine<T>(options: SchemaEngineOptions, work: (engine: SchemaEngine) => Promise<T>): Promise<T> {
  const { SchemaEngine } = await loadSchemaEngine();
  const adapter = bindMigrationAwareSqlAdapterFactory(withReliableScripts(options.adapterFactory));
  const log = options.onLog ?? (() => {});
  const engine = await SchemaEngine.new({ datamodels: options.datamodels }, log, adapter).catch(rethrowEngineError);
  try {
    return await work(engine).catch(rethrowEngineError);
  } finally {
    engine.free();
  }
}

/** The engine rejects with `{ message, meta, error_code }`-like values, not Errors. */
export function rethrowEngineError(error: unknown): never {
  if (error instanceof Error) throw error;
  const detail = typeof error === 'string' ? error : JSON.stringify(error);
  throw new Error(`Prisma schema engine: ${detail}`);
}
