// The one database connection of the API: PostgreSQL through @prisma/adapter-pg when
// DATABASE_URL is set, else the embedded PGlite database, whose migrations the API owns
// and applies at boot.
import { Injectable, Logger, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import { AppConfig } from '../config/app-config';
import { PrismaClient } from '../generated/prisma/client';
import { openDatabase, type OpenedDatabase } from './open-database';

@Injectable()
export class PrismaService extends PrismaClient implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger(PrismaService.name);

  constructor(private readonly opened: OpenedDatabase) {
    super({ adapter: opened.adapterFactory });
  }

  static async create(config: AppConfig): Promise<PrismaService> {
    return new PrismaService(await openDatabase(config));
  }

  get kind(): 'postgres' | 'embedded' {
    return this.opened.kind;
  }

  async onModuleInit(): Promise<void> {
    await this.$connect();
    this.logger.log(`database ready (${this.opened.kind})`);
  }

  async onModuleDestroy(): Promise<void> {
    await this.$disconnect();
    await this.opened.close();
  }

  /** LISTEN on `channel` (a NOTIFY reaches every process sharing the database, after its commit). */
  listen(channel: string, onNotify: () => void): Promise<() => Promise<void>> {
    return this.opened.listen(channel, onNotify);
  }

  /** True when a trivial query round-trips; used by the health check. */
  async isUp(): Promise<boolean> {
    try {
      await this.$queryRaw`SELECT 1`;
      return true;
    } catch {
      return false;
    }
  }
}
