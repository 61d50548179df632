// The WebAssembly engine must be the build of the Prisma CLI the product uses (its
// @prisma/engines-version), or migrations could differ from `prisma migrate`'s.
import { createRequire } from 'node:module';
import path from 'node:path';
import { expect, it } from 'vitest';
import { loadSchemaEngine } from '../src';
import { REPO_ROOT } from './repo-paths';

it("loads without flags the schema engine build of the API's prisma CLI", async () => {
  const fromApi = createRequire(path.join(REPO_ROOT, 'apps/api/package.json'));
  const fromPrisma = createRequire(fromApi.resolve('prisma/package.json'));
  const { enginesVersion } = fromPrisma('@prisma/engines-version') as { enginesVersion: string };

  const engine = await loadSchemaEngine();

  expect(engine.version()).toBe(enginesVersion);
});
