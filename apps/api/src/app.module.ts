// The root module, built from a configuration parsed once at boot.
import { DynamicModule, Module } from '@nestjs/common';
import type { DestinationStream } from 'pino';
import { LoggerModule } from 'nestjs-pino';
import { AuthModule } from './auth/auth.module';
import { CalendarChangesModule } from './calendar-changes/calendar-changes.module';
import { AppConfig } from './config/app-config';
import { ConfigModule } from './config/config.module';
import { DatabaseModule } from './database/database.module';
import { HealthModule } from './health/health.module';
import { ThrottlingModule } from './throttling/throttling.module';
import { FeedsModule } from './feeds/feeds.module';
import { IntegrationsModule } from './integrations/integrations.module';
import { InterventionsModule } from './interventions/interventions.module';
import { UsersModule } from './users/users.module';
import { Clock, SystemClock } from './common/clock';
import { ClockModule } from './common/clock.module';
import { REDACTED_LOG_PATHS, redactUrl } from './common/log-redaction';

@Module({})
export class AppModule {
  /** `logDestination`: where log lines go instead of stdout (tests read them back). */
  static forRoot(config: AppConfig, clock: Clock = new SystemClock(), logDestination?: DestinationStream): DynamicModule {
    const pinoOptions = {
      level: config.env.LOG_LEVEL,
      redact: { paths: REDACTED_LOG_PATHS, censor: '[redacted]' },
      serializers: { req: (req: { url: string }) => Object.assign(req, { url: redactUrl(req.url) }) },
      autoLogging: { ignore: (req: { url?: string }) => req.url === '/api/v1/health' },
    };
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot(config),
        LoggerModule.forRoot({ pinoHttp: logDestination ? [pinoOptions, logDestination] : pinoOptions }),
        ClockModule.forRoot(clock),
        DatabaseModule,
        ThrottlingModule,
        UsersModule,
        AuthModule,
        InterventionsModule,
        IntegrationsModule,
        CalendarChangesModule,
        FeedsModule,
        HealthModule,
      ],
    };
  }
}
