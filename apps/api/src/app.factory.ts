// Builds the configured Nest application; used by main.ts and by the integration tests,
// so both run exactly the same app.
import { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { Logger } from 'nestjs-pino';
import type { DestinationStream } from 'pino';
import { AppModule } from './app.module';
import { ApiExceptionFilter } from './common/api-exception.filter';
import type { Clock } from './common/clock';
import { rejectUnsafeInput } from './common/request-input.middleware';
import { applySecurityHeaders } from './common/security-headers';
import type { AppConfig } from './config/app-config';
import { PUBLIC_LIMITED_PATHS, publicRateLimit } from './throttling/public-rate-limit';
import { RateLimiterFactory } from './throttling/rate-limiter.factory';

/** `clock` is the system's unless a test passes one it controls; likewise where logs go. */
export async function createApp(config: AppConfig, clock?: Clock, logDestination?: DestinationStream): Promise<INestApplication> {
  // Body parsers are ours, not Nest's defaults, so the input check below runs after them.
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(config, clock, logDestination), { bufferLogs: true, bodyParser: false });
  app.useLogger(app.get(Logger));
  app.set('trust proxy', config.env.TRUST_PROXY);
  applySecurityHeaders(app, config.env.PWA_URL);
  const publicLimiter = app.get(RateLimiterFactory).create({
    keyPrefix: 'public',
    points: config.env.PUBLIC_RATE_LIMIT_PER_MINUTE,
    durationSeconds: 60,
  });
  app.use(PUBLIC_LIMITED_PATHS, publicRateLimit(publicLimiter));
  const limit = `${config.env.BODY_LIMIT_KB}kb`;
  app.useBodyParser('json', { limit });
  app.useBodyParser('urlencoded', { limit, extended: true });
  app.use(rejectUnsafeInput);
  app.setGlobalPrefix('api/v1', { exclude: ['api/docs'] });
  app.useGlobalFilters(new ApiExceptionFilter());
  app.enableShutdownHooks();
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder().setTitle('Field service API').setVersion('1').addBearerAuth().build(),
  );
  SwaggerModule.setup('api/docs', app, document);
  return app;
}
