// Loads Prisma's schema engine compiled to WebAssembly (@prisma/schema-engine-wasm).
// The package's entry is "bundler-style" (`import * as wasm from "./x.wasm"`), which
// plain Node 20 only runs under --experimental-wasm-modules. We do by hand what that
// entry does: import the generated JS glue, instantiate the .wasm with the glue as its
// import object, hand the instance back to the glue and start it. So neither the API
// process nor vitest needs a flag.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type * as SchemaEngineWasm from '@prisma/schema-engine-wasm' with { 'resolution-mode': 'import' };

export type SchemaEngineModule = typeof SchemaEngineWasm;

interface WasmGlue extends SchemaEngineModule {
  __wbg_set_wasm(exports: WebAssembly.Exports): void;
}

// The .wasm imports every function it needs from this one module name.
const GLUE_IMPORT_NAME = './schema_engine_bg.js';

let loading: Promise<SchemaEngineModule> | undefined;

/** The engine module, instantiated once per process (the .wasm is ~5 MB). */
export function loadSchemaEngine(): Promise<SchemaEngineModule> {
  loading ??= instantiate().catch((error: unknown) => {
    loading = undefined;
    throw error;
  });
  return loading;
}

async function instantiate(): Promise<SchemaEngineModule> {
  // Only the glue is exported by the package; the .wasm sits next to it.
  const gluePath = require.resolve('@prisma/schema-engine-wasm/schema_engine_bg');
  const glue = (await import(pathToFileURL(gluePath).href)) as WasmGlue;
  const bytes = await readFile(path.join(path.dirname(gluePath), 'schema_engine_bg.wasm'));
  const { instance } = await WebAssembly.instantiate(bytes, {
    [GLUE_IMPORT_NAME]: glue as unknown as WebAssembly.ModuleImports,
  });
  glue.__wbg_set_wasm(instance.exports);
  (instance.exports.__wbindgen_start as () => void)();
  return glue;
}
