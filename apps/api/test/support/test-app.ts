// Starts the real Nest app (same factory as main.ts) on a test database, with the demo
// data seeded, and gives a logged-in supertest agent per demo account.
import { createServer } from 'node:net';
import type { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { createApp } from '../../src/app.factory';
import { AppConfig } from '../../src/config/app-config';
import { parseEnv } from '../../src/config/env.schema';
import { PrismaService } from '../../src/database/prisma.service';
import { DEMO_PASSWORD, seedDemo } from '../../src/database/seed';
import { createTestDatabase, type TestDatabase } from './test-database';
import { TestClock } from './test-clock';

export const TEST_ENV = {
  NODE_ENV: 'test',
  LOG_LEVEL: 'silent',
  JWT_SECRET: 'test-secret-test-secret-test-secret-0123',
  TOKEN_ENCRYPTION_KEY: Buffer.alloc(32, 7).toString('base64'),
  // Tests drain the outbox in one go; pacing has its own spec (sync-pace.spec.ts).
  SYNC_GOOGLE_CALLS_PER_SECOND: '1000',
  SYNC_MICROSOFT_CALLS_PER_SECOND: '1000',
};

export interface TestApp {
  app: INestApplication;
  http: ReturnType<typeof request>;
  prisma: PrismaService;
  /** The app's clock: `clock.advance(ms)` moves the app's "now" forward. */
  clock: TestClock;
  /** The variables this app was configured with, to start a second API process on its database. */
  env: Record<string, string | undefined>;
  tokenFor(email: string): Promise<string>;
  /** Takes the database away under the running app (PostgreSQL: dropped; embedded: closed). */
  stopDatabase(): Promise<void>;
  close(): Promise<void>;
}

export interface TestAppOptions {
  /** Receives every log line (with LOG_LEVEL set to something other than silent). */
  logs?: { write(line: string): void };
  /**
   * Listen on a real port of 127.0.0.1 and set PUBLIC_API_URL to it, so the emulator can call
   * back (two-way push notifications, Graph's validation handshake).
   */
  listen?: boolean;
}

/** A port free right now (the OS picks it), for an app whose own address must be in its config. */
async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/** `env` adds or overrides variables, e.g. CALENDAR_EMULATOR_URL of an in-process emulator. */
export async function startTestApp(env: Record<string, string | undefined> = {}, options: TestAppOptions = {}): Promise<TestApp> {
  const database: TestDatabase = await createTestDatabase();
  const port = options.listen ? await freePort() : undefined;
  const appEnv = { ...TEST_ENV, ...database.env, ...(port ? { PUBLIC_API_URL: `http://127.0.0.1:${port}` } : {}), ...env };
  const clock = new TestClock();
  const app = await createApp(new AppConfig(parseEnv(appEnv)), clock, options.logs);
  await app.init();
  if (port) await app.listen(port, '127.0.0.1');
  const prisma = app.get(PrismaService);
  await seedDemo(prisma);
  const http = request(app.getHttpServer());
  const tokens = new Map<string, string>();
  return {
    app,
    http,
    prisma,
    clock,
    env: appEnv,
    async tokenFor(email) {
      if (!tokens.has(email)) {
        const response = await request(app.getHttpServer()).post('/api/v1/auth/login').send({ email, password: DEMO_PASSWORD });
        tokens.set(email, response.body.accessToken);
      }
      return tokens.get(email)!;
    },
    async stopDatabase() {
      if (database.env.DATABASE_URL) return database.drop();
      // The embedded database lives in this process: closing it is what a crash of it looks like.
      await prisma['opened'].close();
    },
    async close() {
      await app.close().catch(() => undefined); // after stopDatabase, closing PGlite again may throw
      await database.drop();
    },
  };
}
