// A coarse per-address limit (PUBLIC_RATE_LIMIT_PER_MINUTE) for public endpoints that a
// browser or a provider reaches without a token (the OAuth callbacks, the two-way push
// notification endpoints): enough for any honest use, a wall for a flood. Routes are
// listed here, not in their controllers, so the limit is seen in one place.
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import type { RateLimiterAbstract } from 'rate-limiter-flexible';
import { isOutOfPoints, tooManyAttempts } from './retry-after';

/** Express paths under the public limit: the OAuth callbacks and the push notification endpoints. */
export const PUBLIC_LIMITED_PATHS = ['/api/v1/integrations/:provider/callback', '/api/v1/notifications/google', '/api/v1/notifications/microsoft', '/api/v1/notifications/microsoft/lifecycle'];

export function publicRateLimit(limiter: RateLimiterAbstract): RequestHandler {
  return (request: Request, _response: Response, next: NextFunction) => {
    limiter.consume(request.ip ?? 'unknown').then(
      () => next(),
      (rejection: unknown) => next(isOutOfPoints(rejection) ? tooManyAttempts(rejection.msBeforeNext, 'requests') : rejection),
    );
  };
}
