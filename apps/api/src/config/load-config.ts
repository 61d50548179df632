// Reads the repository's .env (when present) under the real environment, then parses.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { REPO_ROOT } from '../database/paths';
import { AppConfig } from './app-config';
import { parseEnv } from './env.schema';

export function loadConfig(): AppConfig {
  const envFile = path.join(REPO_ROOT, '.env');
  // loadEnvFile never overrides variables already set, so the real environment wins.
  if (existsSync(envFile)) process.loadEnvFile(envFile);
  return new AppConfig(parseEnv(process.env));
}
