// The built API refuses to boot on bad configuration, naming every bad variable.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const main = path.resolve(__dirname, '../dist/main.js');

describe('boot', () => {
  it('stops with one message naming every bad variable, and never prints their values', () => {
    const result = spawnSync(process.execPath, [main], {
      env: {
        PATH: process.env.PATH,
        // Empty values count as set, so a developer's .env cannot fill them in.
        JWT_SECRET: '',
        TOKEN_ENCRYPTION_KEY: 'c2VjcmV0LXZhbHVl',
        PORT: 'eighty',
        DATABASE_URL: 'mysql://root:hunter2@db/app',
      },
      encoding: 'utf8',
      timeout: 20_000,
    });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('Invalid configuration');
    for (const name of ['JWT_SECRET', 'TOKEN_ENCRYPTION_KEY', 'PORT', 'DATABASE_URL']) {
      expect(result.stderr).toContain(`- ${name} `);
    }
    expect(result.stderr).not.toContain('hunter2');
    expect(result.stderr).not.toContain('c2VjcmV0LXZhbHVl');
  });
});
