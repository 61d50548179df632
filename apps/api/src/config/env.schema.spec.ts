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

  it('writes 30 days of past interventions on a first sync unless SYNC_WINDOW_PAST_DAYS says otherwise', () => {
    expect(parseEnv(valid).SYNC_WINDOW_PAST_DAYS).toBe(30);
    expect(parseEnv({ ...valid, SYNC_WINDOW_PAST_DAYS: '0' }).SYNC_WINDOW_PAST_DAYS).toBe(0);
    for (const bad of ['-1', 'a month', '1.5']) {
      expect(problemsOf({ ...valid, SYNC_WINDOW_PAST_DAYS: bad }).map((p) => p.split(' ')[0])).toEqual(['SYNC_WINDOW_PAST_DAYS']);
    }
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
    expect(parseEnv(valid)).toMatchObject({ SYNC_WORKER_ENABLED: true, SYNC_POLL_INTERVAL_MS: 30_000 });
    expect(parseEnv({ ...valid, NODE_ENV: 'test' }).SYNC_WORKER_ENABLED).toBe(false);
    expect(parseEnv({ ...valid, NODE_ENV: 'test', SYNC_WORKER_ENABLED: 'true' }).SYNC_WORKER_ENABLED).toBe(true);
    expect(parseEnv({ ...valid, SYNC_WORKER_ENABLED: 'false' }).SYNC_WORKER_ENABLED).toBe(false);
  });

  it('reads busy times every 5 minutes by default and refuses more than 15 at boot', () => {
    expect(parseEnv(valid).AVAILABILITY_REFRESH_MINUTES).toBe(5);
    expect(parseEnv({ ...valid, AVAILABILITY_REFRESH_MINUTES: '15' }).AVAILABILITY_REFRESH_MINUTES).toBe(15);
    for (const bad of ['16', '0', 'soon']) {
      expect(() => parseEnv({ ...valid, AVAILABILITY_REFRESH_MINUTES: bad })).toThrow(/AVAILABILITY_REFRESH_MINUTES/);
    }
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

  describe('TOKEN_ENCRYPTION_KEY as a key list', () => {
    const oldKey = Buffer.alloc(32, 1).toString('base64');
    const newKey = Buffer.alloc(32, 2).toString('base64');
    const keysOf = (value: string) => parseEnv({ ...valid, TOKEN_ENCRYPTION_KEY: value }).TOKEN_ENCRYPTION_KEY.map(({ id, key }) => ({ id, key: key.toString('base64') }));
    const problemsWith = (value: string) => problemsOf({ ...valid, TOKEN_ENCRYPTION_KEY: value });

    it('keeps a single key without id under the default id k0', () => {
      expect(keysOf(oldKey)).toEqual([{ id: 'k0', key: oldKey }]);
    });

    it('keeps every key of "k2:<new>,k1:<old>", in order (it used to boot with k2 alone and drop k1)', () => {
      expect(keysOf(`k2:${newKey},k1:${oldKey}`)).toEqual([
        { id: 'k2', key: newKey },
        { id: 'k1', key: oldKey },
      ]);
    });

    it('accepts a new key put in front of a key that had no id, and spaces around commas', () => {
      expect(keysOf(`k1:${newKey} , ${oldKey}`)).toEqual([
        { id: 'k1', key: newKey },
        { id: 'k0', key: oldKey },
      ]);
    });

    it.each([
      ['an empty entry', `k2:${newKey},,k1:${oldKey}`, 'TOKEN_ENCRYPTION_KEY entry 2 is empty (a stray comma?)'],
      ['a trailing comma', `k2:${newKey},`, 'TOKEN_ENCRYPTION_KEY entry 2 is empty (a stray comma?)'],
      ['a duplicate key id', `k1:${newKey},k1:${oldKey}`, 'TOKEN_ENCRYPTION_KEY entry 2 ("k1") repeats a key id: each key needs its own'],
      ['two keys without id', `${newKey},${oldKey}`, 'TOKEN_ENCRYPTION_KEY entry 2 ("k0") repeats a key id: each key needs its own'],
      ['a character outside base64', `k1:${newKey.slice(0, 10)}*${newKey.slice(11)}`, 'TOKEN_ENCRYPTION_KEY entry 1 ("k1") is not valid base64 (standard alphabet and padding, no spaces)'],
      ['the URL-safe alphabet', `k1:${Buffer.alloc(32, 0xfb).toString('base64url')}=`, 'TOKEN_ENCRYPTION_KEY entry 1 ("k1") is not valid base64 (standard alphabet and padding, no spaces)'],
      ['missing padding', `k1:${newKey.replace(/=$/, '')}`, 'TOKEN_ENCRYPTION_KEY entry 1 ("k1") is not valid base64 (standard alphabet and padding, no spaces)'],
      ['extra padding', `k1:${newKey}=`, 'TOKEN_ENCRYPTION_KEY entry 1 ("k1") is not valid base64 (standard alphabet and padding, no spaces)'],
      ['a space inside the key', `k1:${newKey.slice(0, 20)} ${newKey.slice(20)}`, 'TOKEN_ENCRYPTION_KEY entry 1 ("k1") is not valid base64 (standard alphabet and padding, no spaces)'],
      ['a short key', `k1:${Buffer.alloc(16).toString('base64')}`, 'TOKEN_ENCRYPTION_KEY entry 1 ("k1") must be 32 bytes, got 16'],
      ['a long key', `k1:${Buffer.alloc(48).toString('base64')}`, 'TOKEN_ENCRYPTION_KEY entry 1 ("k1") must be 32 bytes, got 48'],
      ['an id without key', `k2:${newKey},k1:`, 'TOKEN_ENCRYPTION_KEY entry 2 ("k1") has no key after the key id'],
      ['an empty id', `:${newKey}`, 'TOKEN_ENCRYPTION_KEY entry 1 has an invalid key id (1 to 32 of A-Z a-z 0-9 _ -, then ":")'],
      ['an id with other characters', `k 1:${newKey}`, 'TOKEN_ENCRYPTION_KEY entry 1 has an invalid key id (1 to 32 of A-Z a-z 0-9 _ -, then ":")'],
    ])('stops the boot on %s, naming the variable and the entry', (_case, value, problem) => {
      expect(problemsWith(value)).toEqual([problem]);
    });

    it('names every bad entry, never echoing key material (not even a key typed where the id goes)', () => {
      const problems = problemsWith(`${newKey}:k2,k1:${oldKey.slice(0, 30)},k3:${oldKey}`);
      expect(problems).toEqual([
        'TOKEN_ENCRYPTION_KEY entry 1 has an invalid key id (1 to 32 of A-Z a-z 0-9 _ -, then ":")',
        'TOKEN_ENCRYPTION_KEY entry 2 ("k1") is not valid base64 (standard alphabet and padding, no spaces)',
      ]);
      for (const material of [newKey, oldKey, oldKey.slice(0, 30), newKey.slice(0, 8), oldKey.slice(0, 8)]) {
        expect(problems.join('\n')).not.toContain(material);
      }
    });
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
