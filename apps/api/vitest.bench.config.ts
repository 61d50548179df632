// `pnpm bench:sync`: the sync benchmark runs as one long vitest file so it can use the real
// app and the in-process emulator exactly as the tests do (SWC for Nest's decorators).
// It asserts nothing: it prints figures and writes them to bench/results/.
import swc from 'unplugin-swc';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  plugins: [swc.vite({ module: { type: 'es6' } })],
  test: {
    include: ['bench/**/*.bench-run.ts'],
    testTimeout: 30 * 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
    reporters: ['default'],
  },
});
