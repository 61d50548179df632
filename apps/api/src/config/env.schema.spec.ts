import { describe, expect, it } from 'vitest';
import { ConfigError, parseEnv } from './env.schema';

const valid = {
  JWT_SECRET: 'x'.repeat(32),
  TOKEN_ENCRYPTION_KEY: Buffer.alloc(32, 1).toString('base64'),
};

function problemsOf(source: Record<string, string | undefined>): string[] {
  try {
    parseEnv(source);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  throw new Error('expected a ConfigError');
}

describe('parseEnv', () => {
  it('reads TRUST_PROXY as Express does: off by default, a boolean, a hop count or addresses', () => {
    expect(parseEnv(valid).TRUST_PROXY).toBe(false);
    expect(parseEnv({ ...valid, TRUST_PROXY: 'true' }).TRUST_PROXY).toBe(true);
    expect(parseEnv({ ...valid, TRUST_PROXY: '2' }).TRUST_PROXY).toBe(2);
    expect(parseEnv({ ...valid, TRUST_PROXY: 'loopback, 10.0.0.0/8' }).TRUST_PROXY).toBe('loopback, 10.0.0.0/8');
  });

  it('defaults the login throttling and body limits', () => {
    expect(parseEnv(valid)).toMatchObject({
      BODY_LIMIT_KB: 100,
      LOGIN_FREE_FAILURES_PER_ACCOUNT: 5,
      LOGIN_FREE_FAILURES_PER_ADDRESS: 20,
      LOGIN_BLOCK_SECONDS: 10,
      LOGIN_BLOCK_MAX_SECONDS: 900,
      PUBLIC_RATE_LIMIT_PER_MINUTE: 60,
    });
  });

  it('accepts the minimal configuration and fills the defaults', () => {
    const env = parseEnv(valid);
    expect(env.PORT).toBe(3000);
    expect(env.DATABASE_URL).toBeUndefined();
    expect(env.EMBEDDED_DB_DIR).toBe('.data/pglite');
    expect(env.MICROSOFT_TENANT).toBe('common');
  });

  it('runs the sync worker by default, except under NODE_ENV=test unless asked', () => {
    expect(parseEnv(valid)).toMatchObject({ SYNC_WORKER_ENABLED: true, SYNC_POLL_INTERVAL_MS: 2000 });
    expect(parseEnv({ ...valid, NODE_ENV: 'test' }).SYNC_WORKER_ENABLED).toBe(false);
    expect(parseEnv({ ...valid, NODE_ENV: 'test', SYNC_WORKER_ENABLED: 'true' }).SYNC_WORKER_ENABLED).toBe(true);
    expect(parseEnv({ ...valid, SYNC_WORKER_ENABLED: 'false' }).SYNC_WORKER_ENABLED).toBe(false);
  });

  it('names every missing required variable in one error', () => {
    const problems = problemsOf({});
    expect(problems).toEqual(['JWT_SECRET is required', 'TOKEN_ENCRYPTION_KEY is required']);
  });

  it('names each invalid variable without echoing its value', () => {
    const problems = problemsOf({
      ...valid,
      PORT: 'eighty',
      DATABASE_URL: 'mysql://secret-password@db/x',
      TOKEN_ENCRYPTION_KEY: Buffer.alloc(16).toString('base64'),
      GOOGLE_CLIENT_ID: 'id',
      GOOGLE_CLIENT_SECRET: 'secret',
      GOOGLE_REDIRECT_URI: 'not a url',
    });
    expect(problems.map((p) => p.split(' ')[0]).sort()).toEqual(
      ['DATABASE_URL', 'GOOGLE_REDIRECT_URI', 'PORT', 'TOKEN_ENCRYPTION_KEY'].sort(),
    );
    expect(problems.join('\n')).not.toContain('secret-password');
  });

  it('accepts a key id prefix on the encryption key, for rotation', () => {
    expect(() => parseEnv({ ...valid, TOKEN_ENCRYPTION_KEY: `k2:${valid.TOKEN_ENCRYPTION_KEY}` })).not.toThrow();
  });

  it('treats empty provider variables as unset', () => {
    const env = parseEnv({ ...valid, GOOGLE_CLIENT_ID: '', CALENDAR_EMULATOR_URL: '' });
    expect(env.GOOGLE_CLIENT_ID).toBeUndefined();
    expect(env.CALENDAR_EMULATOR_URL).toBeUndefined();
  });

  it('rejects a short JWT secret', () => {
    expect(problemsOf({ ...valid, JWT_SECRET: 'short' })).toEqual(['JWT_SECRET must be at least 32 characters']);
  });

  it('accepts a provider configured whole, and one left entirely unset', () => {
    const env = parseEnv({
      ...valid,
      GOOGLE_CLIENT_ID: 'id',
      GOOGLE_CLIENT_SECRET: 'secret',
      GOOGLE_REDIRECT_URI: 'https://api.example.com/api/v1/integrations/google/callback',
    });
    expect(env.GOOGLE_CLIENT_ID).toBe('id');
    expect(env.MICROSOFT_CLIENT_ID).toBeUndefined();
  });

  it('names the missing variables of a half-configured provider, without their values', () => {
    const problems = problemsOf({ ...valid, GOOGLE_CLIENT_ID: 'id', MICROSOFT_CLIENT_SECRET: 'ms-secret-value', MICROSOFT_REDIRECT_URI: '' });
    expect(problems).toEqual([
      'GOOGLE_CLIENT_SECRET is required when GOOGLE_CLIENT_ID is set',
      'GOOGLE_REDIRECT_URI is required when GOOGLE_CLIENT_ID is set',
      'MICROSOFT_CLIENT_ID is required when MICROSOFT_CLIENT_SECRET is set',
      'MICROSOFT_REDIRECT_URI is required when MICROSOFT_CLIENT_SECRET is set',
    ]);
    expect(problems.join('\n')).not.toContain('ms-secret-value');
  });

  it('reports a half-configured provider together with the other bad variables', () => {
    expect(problemsOf({ JWT_SECRET: 'x'.repeat(32), MICROSOFT_CLIENT_ID: 'id', MICROSOFT_CLIENT_SECRET: 's' })).toEqual([
      'TOKEN_ENCRYPTION_KEY is required',
      'MICROSOFT_REDIRECT_URI is required when MICROSOFT_CLIENT_ID and MICROSOFT_CLIENT_SECRET are set',
    ]);
  });
});
