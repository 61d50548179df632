// Owns the control routes for injected faults and per-user quotas.
import type { Router } from 'express';
import type { EmulatorContext } from '../context.js';
import type { FaultSpec } from '../faults.js';
import { body, guarded, num, provider, str, ControlInputError } from './validate.js';

function optionalNum(v: unknown, name: string): number | undefined {
  return v === undefined ? undefined : num(v, name);
}

export function registerFaultRoutes(router: Router, ctx: EmulatorContext): void {
  router.get('/faults', (_req, res) => {
    res.json({ faults: ctx.faults.list() });
  });

  router.post('/faults', guarded((req, res) => {
    const b = body(req);
    const spec: FaultSpec = { provider: provider(b.provider), route: str(b.route, 'route') };
    const status = optionalNum(b.status, 'status');
    const retryAfterSeconds = optionalNum(b.retryAfterSeconds, 'retryAfterSeconds');
    const latencyMs = optionalNum(b.latencyMs, 'latencyMs');
    const probability = optionalNum(b.probability, 'probability');
    const times = optionalNum(b.times, 'times');
    if (status !== undefined) spec.status = status;
    if (b.body !== undefined) spec.body = b.body;
    if (retryAfterSeconds !== undefined) spec.retryAfterSeconds = retryAfterSeconds;
    if (latencyMs !== undefined) spec.latencyMs = latencyMs;
    if (b.reset === true) spec.reset = true;
    if (probability !== undefined) spec.probability = probability;
    if (times !== undefined) spec.times = times;
    if (spec.status === undefined && !spec.reset && !spec.latencyMs) {
      throw new ControlInputError('a fault needs status, reset or latencyMs');
    }
    res.status(201).json({ fault: ctx.faults.add(spec) });
  }));

  router.delete('/faults', (_req, res) => {
    ctx.faults.clear();
    res.json({ faults: [] });
  });

  router.post('/quota', guarded((req, res) => {
    const b = body(req);
    if (b.googleThrottleStatus !== undefined) {
      if (b.googleThrottleStatus !== 403 && b.googleThrottleStatus !== 429) {
        throw new ControlInputError('googleThrottleStatus must be 403 or 429');
      }
      ctx.settings.googleThrottleStatus = b.googleThrottleStatus;
    }
    if (b.email !== undefined) {
      const perSecond = b.perSecond === null ? null : num(b.perSecond, 'perSecond');
      ctx.quota.set(provider(b.provider), str(b.email, 'email'), perSecond);
    }
    res.json({ quotas: ctx.quota.list(), googleThrottleStatus: ctx.settings.googleThrottleStatus });
  }));
}
