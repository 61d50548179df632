// rate-limiter-flexible rejects with a RateLimiterRes when a key is out of points, and
// with an Error when its store fails: only the first is the caller's doing.
import { RateLimiterRes } from 'rate-limiter-flexible';
import { ApiException } from '../common/api-error';

export function tooManyAttempts(msBeforeNext: number, what: string): ApiException {
  const seconds = Math.max(1, Math.ceil(msBeforeNext / 1000));
  return new ApiException('TOO_MANY_ATTEMPTS', `Too many ${what}; try again in ${seconds} s`, undefined, seconds);
}

export function isOutOfPoints(rejection: unknown): rejection is RateLimiterRes {
  return rejection instanceof RateLimiterRes;
}
