// applyMigrations on a PostgreSQL server, in a fresh database created for each test on
// the server DATABASE_URL points to. Without DATABASE_URL this suite is reported as
// skipped, never as passed: CI sets it (see .ci/run).
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterEach, describe, it } from 'vitest';
import { openPostgresAdapterFactory } from '../src';
import type { OpenedAdapterFactory } from '../src';
import {
  appliesScriptsWithSemicolonsInside,
  appliesTheCommittedMigrationsOnce,
  recordsAFailedMigrationAndStops,
} from './migration-scenarios';
import type { TestDatabase } from './migration-scenarios';

const serverUrl = process.env.DATABASE_URL;

describe.runIf(serverUrl)('applyMigrations on PostgreSQL (DATABASE_URL)', () => {
  const cleanups: (() => Promise<void>)[] = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });

  async function freshDatabase(): Promise<TestDatabase> {
    const name = `prisma_migrator_test_${randomBytes(6).toString('hex')}`;
    await onServer(`CREATE DATABASE "${name}"`);
    cleanups.push(() => onServer(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
    const url = new URL(serverUrl!);
    url.pathname = `/${name}`;
    const opened: OpenedAdapterFactory = openPostgresAdapterFactory(url.toString());
    const client = new pg.Client({ connectionString: url.toString() });
    await client.connect();
    cleanups.push(async () => {
      await client.end();
      await opened.close();
    });
    return { adapterFactory: opened.adapterFactory, rows: async (sql) => (await client.query(sql)).rows };
  }

  it('creates the tables and records the migrations once; a second run applies nothing', async () => {
    await appliesTheCommittedMigrationsOnce(await freshDatabase());
  });

  it('runs migrations whose strings and function bodies hold semicolons', async () => {
    await appliesScriptsWithSemicolonsInside(await freshDatabase());
  });

  it('records a failed migration by name and refuses to go on', async () => {
    await recordsAFailedMigrationAndStops(await freshDatabase());
  });
});

async function onServer(sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}
