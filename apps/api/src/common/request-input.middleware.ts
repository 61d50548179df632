// Express middleware run after body parsing and before routing: refuses a body or query
// that findUnsafeInput rejects with a 400 naming the field, before any service or
// database call can turn it into a 500.
import type { NextFunction, Request, Response } from 'express';
import { ApiException } from './api-error';
import { findUnsafeInput } from './request-input';

export function rejectUnsafeInput(request: Request, _response: Response, next: NextFunction): void {
  const problem = findUnsafeInput(request.body) ?? findUnsafeInput(request.query);
  if (!problem) return next();
  next(new ApiException('VALIDATION_FAILED', `${problem.field}: ${problem.message}`, [problem]));
}
