// The typed configuration object the rest of the API receives by injection.
import type { Env } from './env.schema';

export class AppConfig {
  constructor(readonly env: Env) {}

  get database(): { kind: 'postgres'; url: string } | { kind: 'embedded'; dir: string } {
    return this.env.DATABASE_URL
      ? { kind: 'postgres', url: this.env.DATABASE_URL }
      : { kind: 'embedded', dir: this.env.EMBEDDED_DB_DIR };
  }
}
