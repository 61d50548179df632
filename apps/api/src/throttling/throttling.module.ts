// Gives every module the one RateLimiterFactory, opened on the configured database.
import { Global, Module } from '@nestjs/common';
import { AppConfig } from '../config/app-config';
import { RateLimiterFactory } from './rate-limiter.factory';

@Global()
@Module({
  providers: [
    {
      provide: RateLimiterFactory,
      inject: [AppConfig],
      useFactory: (config: AppConfig) => RateLimiterFactory.open(config.env.DATABASE_URL),
    },
  ],
  exports: [RateLimiterFactory],
})
export class ThrottlingModule {}
