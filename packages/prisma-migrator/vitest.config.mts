// Tests run against real databases (in-memory PGlite; PostgreSQL when DATABASE_URL is
// set), one file at a time: the schema engine's .wasm is compiled once per worker.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.spec.ts'],
    testTimeout: 120_000,
    hookTimeout: 120_000,
    pool: 'forks',
    fileParallelism: false,
  },
});
