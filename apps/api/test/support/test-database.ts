// A database for one test file: when DATABASE_URL is set, a fresh database created on
// that PostgreSQL server (and dropped afterwards) with the migrations applied; else the
// embedded PGlite in memory, which the app migrates itself at boot.
import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { applyMigrations, openPostgresAdapterFactory } from '@fs/prisma-migrator';
import { MIGRATIONS_DIR } from '../../src/database/paths';

export interface TestDatabase {
  env: { DATABASE_URL?: string; EMBEDDED_DB_DIR?: string };
  drop(): Promise<void>;
}

export async function createTestDatabase(): Promise<TestDatabase> {
  const serverUrl = process.env.DATABASE_URL;
  if (!serverUrl) return { env: { EMBEDDED_DB_DIR: 'memory://' }, drop: async () => {} };
  const name = `fs_test_${randomBytes(6).toString('hex')}`;
  await withAdmin(serverUrl, (client) => client.query(`CREATE DATABASE ${name}`));
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const migrator = openPostgresAdapterFactory(url.toString());
  try {
    await applyMigrations({ adapterFactory: migrator.adapterFactory, migrationsDir: MIGRATIONS_DIR });
  } finally {
    await migrator.close();
  }
  return {
    env: { DATABASE_URL: url.toString() },
    drop: () => withAdmin(serverUrl, (client) => client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)),
  };
}

async function withAdmin(serverUrl: string, work: (client: Client) => Promise<unknown>): Promise<void> {
  const client = new Client({ connectionString: serverUrl });
  await client.connect();
  try {
    await work(client);
  } finally {
    await client.end();
  }
}
