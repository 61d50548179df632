// Owns the adapter from a Calendar v3 handler that may throw GoogleApiError to an Express
// handler answering Google's error envelope.
import type { Request, Response } from 'express';
import { GoogleApiError, sendGoogleError } from '../errors.js';

export function handler(fn: (req: Request, res: Response) => void) {
  return (req: Request, res: Response): void => {
    try {
      fn(req, res);
    } catch (e) {
      if (e instanceof GoogleApiError) sendGoogleError(res, e);
      else throw e;
    }
  };
}

export const param = (req: Request, name: string): string => String((req.params as Record<string, string>)[name]);

export function jsonBody(req: Request): Record<string, unknown> {
  const b = req.body as unknown;
  return b && typeof b === 'object' && !Array.isArray(b) ? (b as Record<string, unknown>) : {};
}
