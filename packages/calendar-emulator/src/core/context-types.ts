// Owns the EmulatorContext: the one object every provider module receives. It is also the
// extension point for providers:
//
//   src/google/index.ts     exports registerGoogle(httpsApp, httpApp, ctx)
//   src/microsoft/index.ts  exports registerMicrosoft(httpsApp, httpApp, ctx)
//
// Both are called once by src/core/server.ts, after the JSON/urlencoded body parsers and
// before the control API and 404 handler. A provider module:
//   - sets `ctx.hooks[provider]` (its error envelope and throttle answer, used by faults,
//     quota and the generic error handler);
//   - starts each route with `ctx.route(provider, 'route.name')` (names it for faults,
//     logs it) and, after authenticating the caller and setting `res.locals.user = email`,
//     `ctx.quotaGate(provider)`;
//   - reads/writes state through `ctx.state` every time (never cache it: reset replaces it);
//     provider-only data goes in `ctx.state.ext[provider]`;
//   - may add control routes under `/_emulator/<provider>/...` on httpApp;
//   - replays batch inner calls with `ctx.inject(...)` so they count against quota/faults.
import type { RequestHandler } from 'express';
import type { Clock } from './clock.js';
import type { FaultStore } from './faults.js';
import type { InjectRequest, InjectResponse } from './inject.js';
import type { QuotaStore } from './quota.js';
import type { RequestLog } from './request-log.js';
import type { Rng } from './rng.js';
import type { EmulatorState, Provider } from './types.js';

export interface ProviderHooks {
  /** A body (and headers) in the provider's error format for this status on this route. */
  errorResponse(status: number, message?: string, route?: string): { body: unknown; headers?: Record<string, string> };
  /** What the provider answers when a user is over quota. */
  throttleResponse(): { status: number; body: unknown; headers?: Record<string, string> };
}

export interface EmulatorSettings {
  /** Google answers over-quota calls with 403 (default, as documented) or 429. */
  googleThrottleStatus: 403 | 429;
}

export interface EmulatorContext {
  state: EmulatorState;
  readonly clock: Clock;
  readonly rng: Rng;
  readonly faults: FaultStore;
  readonly quota: QuotaStore;
  readonly log: RequestLog;
  readonly hooks: Partial<Record<Provider, ProviderHooks>>;
  readonly settings: EmulatorSettings;
  /** Filled once the servers listen. */
  urls: { http: string; https: string };
  caPem: string;
  route(provider: Provider, name: string): RequestHandler;
  quotaGate(provider: Provider): RequestHandler;
  inject(r: InjectRequest): Promise<InjectResponse>;
  /** Back to the seeded initial state: accounts, clients, no events, no faults, no quotas. */
  reset(): void;
}
