// Builds the EmulatorContext (its shape and the provider contract: context-types.ts).
import type { EmulatorContext } from './context-types.js';
import { createState } from './state.js';
import { createClock } from './clock.js';
import { createRng } from './rng.js';
import { createFaultStore } from './faults.js';
import { createQuotaStore } from './quota.js';
import { createRequestLog } from './request-log.js';
import { createInjector } from './inject.js';
import { quotaGate, routeMiddleware } from './route.js';

export type { EmulatorContext, EmulatorSettings, ProviderHooks } from './context-types.js';

export function createContext(seed: number): EmulatorContext {
  let rng = createRng(seed);
  const ctx: EmulatorContext = {
    state: createState(),
    clock: createClock(),
    get rng() {
      return rng;
    },
    faults: createFaultStore(() => rng),
    quota: createQuotaStore(),
    log: createRequestLog(),
    hooks: {},
    settings: { googleThrottleStatus: 403 },
    urls: { http: '', https: '' },
    caPem: '',
    route: (provider, name) => routeMiddleware(ctx, provider, name),
    quotaGate: (provider) => quotaGate(ctx, provider),
    inject: createInjector(() => ctx.urls, () => ctx.caPem),
    reset() {
      ctx.state = createState();
      ctx.faults.clear();
      ctx.quota.clear();
      ctx.log.clear();
      ctx.clock.reset();
      ctx.settings.googleThrottleStatus = 403;
      rng = createRng(seed);
    },
  };
  return ctx;
}
