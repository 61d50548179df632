// A sync worker without the HTTP API: `pnpm worker`. An admin runs N API processes (with
// SYNC_WORKER_ENABLED=false, or not) and M of these on one PostgreSQL; jobs are claimed with
// SKIP LOCKED, every worker hears each commit (LISTEN/NOTIFY), and the per-account pace is
// shared through the database, so the providers' rates hold across all of them.
import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { Logger } from 'nestjs-pino';
import { AppModule } from './app.module';
import { ConfigError } from './config/env.schema';
import { loadConfig } from './config/load-config';

async function main(): Promise<void> {
  process.env.SYNC_WORKER_ENABLED = 'true'; // what this process is for
  const config = loadConfig();
  const app = await NestFactory.createApplicationContext(AppModule.forRoot(config), { bufferLogs: true });
  app.useLogger(app.get(Logger));
  app.enableShutdownHooks();
  await app.init();
  console.log(`sync worker running (${config.database.kind === 'postgres' ? 'PostgreSQL' : 'embedded database'})`);
}

main().catch((error: unknown) => {
  console.error(error instanceof ConfigError ? error.message : error);
  process.exit(1);
});
