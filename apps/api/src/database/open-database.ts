// Opens the configured database and returns a Prisma driver adapter for it. For the
// embedded database it also applies pending migrations: nobody else can reach it.
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaPGlite } from 'pglite-prisma-adapter';
import { applyMigrations } from '@fs/prisma-migrator';
import { listenOnServer } from './listen-on-server';
import type { AppConfig } from '../config/app-config';
import { MIGRATIONS_DIR, REPO_ROOT } from './paths';

export interface OpenedDatabase {
  kind: 'postgres' | 'embedded';
  adapterFactory: PrismaPg | PrismaPGlite;
  /** LISTEN on a channel; `onNotify` runs for every NOTIFY committed by any process. Resolves to an unlisten. */
  listen(channel: string, onNotify: () => void): Promise<() => Promise<void>>;
  close(): Promise<void>;
}

export async function openDatabase(config: AppConfig): Promise<OpenedDatabase> {
  const db = config.database;
  if (db.kind === 'postgres') {
    return {
      kind: 'postgres',
      adapterFactory: new PrismaPg({ connectionString: db.url }),
      listen: (channel, onNotify) => listenOnServer(db.url, channel, onNotify),
      close: async () => {},
    };
  }
  const pglite = await openPGlite(db.dir);
  const adapterFactory = new PrismaPGlite(pglite);
  await applyMigrations({ adapterFactory, migrationsDir: MIGRATIONS_DIR });
  return {
    kind: 'embedded',
    adapterFactory,
    // PGlite delivers a NOTIFY after the COMMIT of its transaction, as the server does.
    listen: async (channel, onNotify) => {
      const unlisten = await pglite.listen(channel, onNotify);
      return async () => unlisten().catch(() => undefined);
    },
    close: () => pglite.close(),
  };
}

async function openPGlite(dir: string): Promise<PGlite> {
  if (dir === 'memory://') return PGlite.create();
  const absolute = path.resolve(REPO_ROOT, dir);
  mkdirSync(absolute, { recursive: true });
  return PGlite.create(absolute);
}
