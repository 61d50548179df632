// Owns the per-route middleware every provider route starts with: it names the route (for
// faults, logs and quota), logs the call when it ends, and fires injected faults.
// `quotaGate` runs after a provider authenticated the caller (res.locals.user = email).
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import type { Provider } from './types.js';
import type { EmulatorContext } from './context-types.js';
import { INNER_CALL_HEADER } from './inner-call.js';

export interface RouteLocals {
  provider: Provider;
  name: string;
}

export function routeMiddleware(ctx: EmulatorContext, provider: Provider, name: string): RequestHandler {
  return (req: Request, res: Response, next: NextFunction) => {
    res.locals.route = { provider, name } satisfies RouteLocals;
    const inner = req.headers[INNER_CALL_HEADER] === '1';
    let logged = false;
    const log = (status: number) => {
      if (logged) return;
      logged = true;
      ctx.log.add({
        time: new Date(ctx.clock.now()).toISOString(),
        provider,
        route: name,
        method: req.method,
        path: req.originalUrl,
        status,
        ...(res.locals.user ? { user: res.locals.user as string } : {}),
        ...(inner ? { inner: true } : {}),
        ...(res.locals.fault ? { fault: true } : {}),
      });
    };
    res.on('finish', () => log(res.statusCode));
    res.on('close', () => log(res.writableFinished ? res.statusCode : 0));
    applyFault(ctx, provider, name, req, res, next);
  };
}

function applyFault(ctx: EmulatorContext, provider: Provider, name: string, req: Request, res: Response, next: NextFunction): void {
  const fault = ctx.faults.pick(provider, name);
  if (!fault) return next();
  res.locals.fault = true;
  const fire = () => {
    if (fault.reset) {
      req.socket.destroy();
      return;
    }
    if (fault.status === undefined) return next();
    const hooks = ctx.hooks[provider];
    const fallback = hooks ? hooks.errorResponse(fault.status, undefined, name) : { body: { error: 'injected fault' } };
    if (fault.retryAfterSeconds !== undefined) res.setHeader('Retry-After', String(fault.retryAfterSeconds));
    for (const [k, v] of Object.entries(fallback.headers ?? {})) res.setHeader(k, v);
    res.status(fault.status).json(fault.body ?? fallback.body);
  };
  if (fault.latencyMs) setTimeout(fire, fault.latencyMs);
  else fire();
}

/** Enforces the control-API quota for the authenticated user, with the provider's throttle answer. */
export function quotaGate(ctx: EmulatorContext, provider: Provider): RequestHandler {
  return (_req, res, next) => {
    const email = res.locals.user as string | undefined;
    if (!email || ctx.quota.admit(provider, email, ctx.clock.now())) return next();
    const hooks = ctx.hooks[provider];
    if (!hooks) return res.status(429).json({ error: 'quota exceeded' });
    const t = hooks.throttleResponse();
    for (const [k, v] of Object.entries(t.headers ?? {})) res.setHeader(k, v);
    res.status(t.status).json(t.body);
  };
}
