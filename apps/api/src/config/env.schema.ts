// The API's whole configuration: every environment variable it reads, validated once at
// boot. `process.env` is read nowhere else (see load-config.ts).
import { z } from 'zod';
import { parseTokenEncryptionKeys } from './token-encryption-keys';

/** The key list (see token-encryption-keys.ts), one issue per bad entry. */
const tokenEncryptionKeys = z.string().transform((value, ctx) => {
  const result = parseTokenEncryptionKeys(value);
  if (result.ok) return result.keys;
  for (const message of result.problems) ctx.addIssue({ code: 'custom', message });
  return z.NEVER;
});

const optionalUrl = z.preprocess((v) => (v === '' ? undefined : v), z.url().optional());
const optionalString = z.preprocess((v) => (v === '' ? undefined : v), z.string().optional());

export const envSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  HOST: z.string().default('127.0.0.1'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** Unset: the embedded PGlite database in EMBEDDED_DB_DIR. Set: a PostgreSQL server. */
  DATABASE_URL: z.preprocess(
    (v) => (v === '' ? undefined : v),
    z
      .string()
      .regex(/^postgres(ql)?:\/\//, 'must be a postgresql:// connection string')
      .optional(),
  ),
  /** Where the embedded database lives; `memory://` keeps it in memory (tests). */
  EMBEDDED_DB_DIR: z.string().default('.data/pglite'),
  JWT_SECRET: z.string().min(32, 'must be at least 32 characters'),
  JWT_TTL_SECONDS: z.coerce.number().int().positive().default(12 * 3600),
  /** `[keyid:]base64` entries, comma-separated: the first seals, all open (key rotation). */
  TOKEN_ENCRYPTION_KEY: tokenEncryptionKeys,
  PWA_URL: z.url().default('http://localhost:5173'),
  /** Largest JSON or form body accepted; a larger one is answered 413 PAYLOAD_TOO_LARGE. */
  BODY_LIMIT_KB: z.coerce.number().int().min(1).max(10_240).default(100),
  GOOGLE_CLIENT_ID: optionalString,
  GOOGLE_CLIENT_SECRET: optionalString,
  GOOGLE_REDIRECT_URI: optionalUrl,
  MICROSOFT_CLIENT_ID: optionalString,
  MICROSOFT_CLIENT_SECRET: optionalString,
  MICROSOFT_REDIRECT_URI: optionalUrl,
  MICROSOFT_TENANT: z.string().default('common'),
  /** When set, both providers (OAuth and calendar APIs) point at the local emulator. */
  CALENDAR_EMULATOR_URL: optionalUrl,
  /** The calendar sync worker polls the outbox. Default true, false when NODE_ENV=test (see parseEnv). */
  SYNC_WORKER_ENABLED: z
    .enum(['true', 'false'])
    .default('true')
    .transform((v) => v === 'true'),
  /** Safety net only: the worker wakes on every committed job (LISTEN/NOTIFY) and when a retry falls due. */
  SYNC_POLL_INTERVAL_MS: z.coerce.number().int().min(100).default(30_000),
  /** Sync writes per second per account, shared by every worker (Google: 10/s per user by default quota). */
  SYNC_GOOGLE_CALLS_PER_SECOND: z.coerce.number().int().min(1).max(1000).default(10),
  /** Graph allows 10,000 requests per 10 minutes per mailbox (about 16/s) and 4 at once. */
  SYNC_MICROSOFT_CALLS_PER_SECOND: z.coerce.number().int().min(1).max(1000).default(10),
  /**
   * A first sync (and a calendar change) writes the interventions ending at most this many
   * days ago, and everything later: a calendar gets the recent past, not the whole history.
   */
  SYNC_WINDOW_PAST_DAYS: z.coerce.number().int().min(0).max(3650).default(30),
  /**
   * Two-way sync: how often the target calendar of each two-way integration is read for the
   * technician's moves and deletions (Google sync token, Graph delta), in milliseconds.
   * Without push channels this is how soon dispatch hears of a change. Runs with the sync worker.
   */
  SYNC_PULL_INTERVAL_MS: z.coerce.number().int().min(1_000).default(120_000),
  /**
   * Two-way sync push: the address at which the providers reach this API (scheme, host, port;
   * no /api/v1), e.g. https://dispatch.example.com. When set, each two-way calendar gets a
   * Google watch channel / Graph subscription whose notifications make its pull due at once.
   * Real providers need public HTTPS; unset, the periodic pull is the only channel.
   */
  PUBLIC_API_URL: optionalUrl,
  /**
   * How often each shared calendar's busy times are read again (free/busy polling), in
   * minutes. At most 15: dispatch must see a change in a technician's calendar within 15
   * minutes. Runs with the sync worker (SYNC_WORKER_ENABLED).
   */
  AVAILABILITY_REFRESH_MINUTES: z.coerce.number().int().min(1).max(15, 'must be at most 15 (minutes)').default(5),
  /** Accept http:// CalDAV server URLs (tests, a server on a trusted private network); https only by default. */
  CALDAV_ALLOW_HTTP: z
    .enum(['true', 'false'])
    .default('false')
    .transform((v) => v === 'true'),
  /**
   * GET /integrations asks the provider whether a connected grant still works at most this
   * often per person and provider (the open Settings page polls every 2 s): a grant revoked at
   * the provider shows "Reconnect" within seconds, not at the next sync. 0 turns the check off.
   */
  GRANT_CHECK_INTERVAL_MS: z.coerce.number().int().min(0).default(1500),
  /** Failed logins allowed per account / per client address before locks start (see LoginThrottle). */
  LOGIN_FREE_FAILURES_PER_ACCOUNT: z.coerce.number().int().min(1).default(5),
  LOGIN_FREE_FAILURES_PER_ADDRESS: z.coerce.number().int().min(1).default(20),
  /** The first lock; each further failure doubles it, up to LOGIN_BLOCK_MAX_SECONDS. */
  LOGIN_BLOCK_SECONDS: z.coerce.number().int().min(1).default(10),
  LOGIN_BLOCK_MAX_SECONDS: z.coerce.number().int().min(1).default(900),
  /** Requests per minute and client address on public endpoints without a token (OAuth callbacks). */
  PUBLIC_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).default(60),
  /**
   * Express's `trust proxy`: unset/false when clients connect directly; behind a reverse
   * proxy, the number of proxies or their addresses (e.g. `loopback`), so the client
   * address (throttling) and HTTPS (HSTS) are read from X-Forwarded-* headers.
   */
  TRUST_PROXY: z
    .string()
    .default('false')
    .transform((v): boolean | number | string => (v === 'true' ? true : v === 'false' || v === '' ? false : /^\d+$/.test(v) ? Number(v) : v)),
});

export type Env = z.infer<typeof envSchema>;

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/**
 * A provider's OAuth app is three variables: all set (that provider is available) or all
 * unset (unavailable, or the emulator's default client in emulator mode). Half a
 * configuration would surface only when a person clicks "Connect": refuse it at boot.
 */
const PROVIDER_VARIABLES = {
  google: ['GOOGLE_CLIENT_ID', 'GOOGLE_CLIENT_SECRET', 'GOOGLE_REDIRECT_URI'],
  microsoft: ['MICROSOFT_CLIENT_ID', 'MICROSOFT_CLIENT_SECRET', 'MICROSOFT_REDIRECT_URI'],
} as const;

function providerProblems(source: Record<string, string | undefined>): string[] {
  return Object.values(PROVIDER_VARIABLES).flatMap((names) => {
    const set = names.filter((name) => (source[name] ?? '') !== '');
    if (set.length === 0 || set.length === names.length) return [];
    return names
      .filter((name) => !set.includes(name))
      .map((name) => `${name} is required when ${set.join(' and ')} ${set.length > 1 ? 'are' : 'is'} set`);
  });
}

/**
 * Tests drive the sync worker by hand (SyncWorker.runOnce) so that what the provider sees
 * happens when the test says; a worker polling on its own would race their assertions.
 */
function withContextualDefaults(source: Record<string, string | undefined>): Record<string, string | undefined> {
  const workerDefault = source.NODE_ENV === 'test' ? 'false' : 'true';
  return { ...source, SYNC_WORKER_ENABLED: source.SYNC_WORKER_ENABLED || workerDefault };
}

/** Parses the environment; throws one error naming every bad variable (never their values). */
export function parseEnv(source: Record<string, string | undefined>): Env {
  const result = envSchema.safeParse(withContextualDefaults(source));
  const problems = providerProblems(source);
  if (result.success && problems.length === 0) return result.data;
  const schemaProblems = (result.error?.issues ?? []).map((issue) => {
    const name = String(issue.path[0] ?? '(root)');
    const message = issue.code === 'invalid_type' && source[name] === undefined ? 'is required' : issue.message;
    return `${name} ${message}`;
  });
  throw new ConfigError([...schemaProblems, ...problems]);
}
