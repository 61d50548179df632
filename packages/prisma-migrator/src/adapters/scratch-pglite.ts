// Throwaway in-memory PGlite databases, fast. Creating a PGlite runs initdb inside
// WebAssembly (~5 s of CPU); loading a dump of a freshly initialised one takes ~1 s.
// So the first one of a process is dumped and every later one starts from that dump.
import { PGlite } from '@electric-sql/pglite';

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
