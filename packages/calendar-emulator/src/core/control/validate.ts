// Owns the tiny input checks of the control API (a dev/test surface: clear 400s, no schema lib).
import type { Response } from 'express';
import { PROVIDERS } from '../types.js';
import type { Provider } from '../types.js';

export class ControlInputError extends Error {}

export function body(req: { body?: unknown }): Record<string, unknown> {
  const b = req.body;
  return b && typeof b === 'object' ? (b as Record<string, unknown>) : {};
}

export function provider(v: unknown): Provider {
  if (typeof v === 'string' && (PROVIDERS as readonly string[]).includes(v)) return v as Provider;
  throw new ControlInputError(`provider must be one of ${PROVIDERS.join(', ')}`);
}

export function optionalProviders(v: unknown): Provider[] {
  return v === undefined ? [...PROVIDERS] : [provider(v)];
}

export function str(v: unknown, name: string): string {
  if (typeof v === 'string' && v.length > 0) return v;
  throw new ControlInputError(`${name} must be a non-empty string`);
}

export function num(v: unknown, name: string): number {
  if (typeof v === 'number' && Number.isFinite(v)) return v;
  throw new ControlInputError(`${name} must be a number`);
}

/** Wraps a handler so a ControlInputError becomes a 400 with its message. */
export function guarded(fn: (req: { body?: unknown; query: unknown }, res: Response) => void) {
  return (req: { body?: unknown; query: unknown }, res: Response) => {
    try {
      fn(req, res);
    } catch (e) {
      if (e instanceof ControlInputError) res.status(400).json({ error: e.message });
      else throw e;
    }
  };
}
