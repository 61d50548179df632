// The headers every API answer carries, errors included (registered before the body
// parsers): helmet's safe set without X-Powered-By, no caching anywhere (answers are
// personal and the login answer carries a token), HSTS only over HTTPS (a browser
// ignores it over HTTP, and a dev on http://localhost must not pin the name to HTTPS),
// and CORS open to the PWA's origin alone.
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { NextFunction, Request, Response } from 'express';
import helmet from 'helmet';

const HSTS = 'max-age=31536000; includeSubDomains';

export function applySecurityHeaders(app: NestExpressApplication, pwaUrl: string): void {
  app.use(
    helmet({
      // The API serves JSON and the Swagger UI (same-origin scripts and styles only).
      contentSecurityPolicy: {
        useDefaults: true,
        directives: { 'frame-ancestors': ["'none'"], 'upgrade-insecure-requests': null },
      },
      frameguard: { action: 'deny' },
      referrerPolicy: { policy: 'no-referrer' },
      strictTransportSecurity: false,
    }),
  );
  app.use(noStoreAndHsts);
  // A list, not a string: the cors package then answers only a matching Origin.
  app.enableCors({ origin: [new URL(pwaUrl).origin], exposedHeaders: ['Retry-After'], maxAge: 600 });
}

function noStoreAndHsts(request: Request, response: Response, next: NextFunction): void {
  response.setHeader('Cache-Control', 'no-store');
  // `secure` reads X-Forwarded-Proto only from proxies TRUST_PROXY names.
  if (request.secure) response.setHeader('Strict-Transport-Security', HSTS);
  next();
}
