// Owns the input plumbing shared by the Microsoft control routes (a dev/test surface on the
// HTTP origin, unauthenticated like the rest of /_emulator): the JSON body, the account an
// `email` names, and answering errors as `{error}` with the Graph status when there is one.
import type { Request, Response } from 'express';
import type { EmulatorContext } from '../core/context.js';
import { findAccount } from '../core/state.js';
import { GraphHttpError } from './graph/graph-error.js';

export type Body = Record<string, unknown>;

export const bodyOf = (req: Request): Body => (req.body && typeof req.body === 'object' ? (req.body as Body) : {});

/** Runs `fn` and answers its result as JSON (status 200 unless it returns `{status, body}`). */
export function guarded(fn: (b: Body, req: Request) => unknown) {
  return (req: Request, res: Response) => {
    try {
      const out = fn(bodyOf(req), req);
      if (out && typeof out === 'object' && 'status' in out && 'body' in out) {
        const r = out as { status: number; body: unknown };
        if (r.body === undefined) res.status(r.status).end();
        else res.status(r.status).json(r.body);
      } else res.json(out);
    } catch (e) {
      const status = e instanceof GraphHttpError ? e.status : 400;
      res.status(status).json({ error: e instanceof Error ? e.message : String(e), ...(e instanceof GraphHttpError ? { code: e.code } : {}) });
    }
  };
}

/** The Microsoft account named by `email` (body, or query for DELETE), in its stored spelling. */
export function accountEmail(ctx: EmulatorContext, b: Body, req?: Request): string {
  const raw = typeof b.email === 'string' ? b.email : typeof req?.query.email === 'string' ? req.query.email : '';
  const account = findAccount(ctx.state, 'microsoft', raw);
  if (!account) throw new Error(`no microsoft account '${raw}'`);
  return account.email;
}
