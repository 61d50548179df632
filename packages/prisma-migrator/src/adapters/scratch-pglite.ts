// Throwaway in-memory PGlite databases, fast. Creating a PGlite runs initdb inside
// WebAssembly (~5 s of CPU); loading a dump of a freshly initialised one takes ~1 s.
// So the first one of a process is dumped and every later one starts from that dump.
import { PGlite } from '@electric-sql/pglite';
import { PrismaPGlite } from 'pglite-prisma-adapter';
import type { MigrationAdapterFactory } from '../engine/schema-engine-session';

let template: Promise<Blob> | undefined;

/** A new, empty in-memory database; the caller closes it. */
export async function createScratchPGlite(): Promise<PGlite> {
  if (!template) {
    const first = await PGlite.create();
    template = first.dumpDataDir('none').then((dump) => dump as Blob);
    template.catch(() => (template = undefined));
    await template;
    return first;
  }
  return PGlite.create({ loadDataDir: await template });
}

/**
 * A factory for work that only needs a shadow database (diffing a migration history):
 * one scratch PGlite serves as both the main and the shadow connection, instead of
 * pglite-prisma-adapter's shadow, which would run initdb again and is never closed.
 */
export async function openScratchAdapterFactory(): Promise<{ adapterFactory: MigrationAdapterFactory; close(): Promise<void> }> {
  const pglite = await createScratchPGlite();
  const inner = new PrismaPGlite(pglite);
  const adapterFactory: MigrationAdapterFactory = {
    provider: inner.provider,
    adapterName: inner.adapterName,
    connect: () => inner.connect(),
    connectToShadowDb: () => inner.connect(),
  };
  return { adapterFactory, close: () => pglite.close() };
}
