// Adapter factory for the embedded database: PGlite (Postgres compiled to WebAssembly)
// behind pglite-prisma-adapter, on a data directory or in memory.
import { mkdirSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { PrismaPGlite } from 'pglite-prisma-adapter';
import type { MigrationAdapterFactory } from '../engine/adapter-factory';
import { createScratchPGlite } from './scratch-pglite';

export interface OpenedAdapterFactory {
  adapterFactory: MigrationAdapterFactory;
  /** Releases what the helper opened (the PGlite instance, the pg pool). */
  close(): Promise<void>;
}

/**
 * `dataDir` unset or `memory://`: a throwaway in-memory database. A PGlite data directory
 * admits one process at a time, so close it before the API opens the same directory.
 */
export async function openPGliteAdapterFactory(options: { dataDir?: string } = {}): Promise<OpenedAdapterFactory> {
  const inMemory = !options.dataDir || options.dataDir.startsWith('memory://');
  if (!inMemory) mkdirSync(options.dataDir!, { recursive: true });
  const pglite = inMemory ? await createScratchPGlite() : await PGlite.create(options.dataDir);
  return { adapterFactory: pgliteAdapterFactory(pglite), close: () => pglite.close() };
}

/** Wraps a PGlite instance the caller owns (and closes). */
export function pgliteAdapterFactory(pglite: PGlite): MigrationAdapterFactory {
  return new PrismaPGlite(pglite);
}
