// Boots the API. A bad configuration stops here with one message naming every bad variable.
import 'reflect-metadata';
import { createApp } from './app.factory';
import { ConfigError } from './config/env.schema';
import { loadConfig } from './config/load-config';

async function main(): Promise<void> {
  const config = loadConfig();
  const app = await createApp(config);
  await app.listen(config.env.PORT, config.env.HOST);
  console.log(`API listening on http://${config.env.HOST}:${config.env.PORT}/api/v1 (docs: /api/docs)`);
}

main().catch((error: unknown) => {
  console.error(error instanceof ConfigError ? error.message : error);
  process.exit(1);
});
