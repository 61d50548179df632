// Builds rate-limiter-flexible limiters on the storage every API process shares: a table
// on the PostgreSQL server (created and owned by the library, see THROTTLE_TABLE), or
// memory for the embedded database, which only one process can open anyway.
import { Injectable, Logger, OnModuleDestroy } from '@nestjs/common';
import { Pool } from 'pg';
import { RateLimiterMemory, RateLimiterPostgres, type RateLimiterAbstract } from 'rate-limiter-flexible';

/** The library creates this table (key, points, expire) itself; no Prisma migration owns it. */
export const THROTTLE_TABLE = 'rate_limits';

export interface LimiterOptions {
  /** Separates the counters of one use (login per account, callback per address...). */
  keyPrefix: string;
  points: number;
  durationSeconds: number;
}

@Injectable()
export class RateLimiterFactory implements OnModuleDestroy {
  private constructor(private readonly pool: Pool | undefined) {}

  /** Opens the pool and waits for the table, so the first login never races its creation. */
  static async open(databaseUrl: string | undefined): Promise<RateLimiterFactory> {
    if (!databaseUrl) return new RateLimiterFactory(undefined);
    // Its own small pool: a burst of logins must not starve Prisma's connections.
    const pool = new Pool({ connectionString: databaseUrl, max: 3 });
    // An idle connection the server drops (restart, failover) is reported here; unheard,
    // node would end the whole API on it. The next query simply opens a new connection.
    pool.on('error', (error) => new Logger(RateLimiterFactory.name).warn(`throttle store connection lost: ${error.message}`));
    await new Promise<void>((resolve, reject) => {
      new RateLimiterPostgres({ storeClient: pool, tableName: THROTTLE_TABLE, keyPrefix: 'init', points: 1, duration: 1 }, (error?: unknown) =>
        error ? reject(error) : resolve(),
      );
    });
    return new RateLimiterFactory(pool);
  }

  create({ keyPrefix, points, durationSeconds }: LimiterOptions): RateLimiterAbstract {
    const options = { keyPrefix, points, duration: durationSeconds };
    if (!this.pool) return new RateLimiterMemory(options);
    return new RateLimiterPostgres({
      ...options,
      storeClient: this.pool,
      tableName: THROTTLE_TABLE,
      tableCreated: true,
      clearExpiredByTimeout: true,
      // If PostgreSQL is briefly unreachable, count in this process rather than answer 500.
      insuranceLimiter: new RateLimiterMemory(options),
    });
  }

  async onModuleDestroy(): Promise<void> {
    await this.pool?.end();
  }
}
