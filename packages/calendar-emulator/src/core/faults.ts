// Owns injected faults: what the control API registers and the decision, per incoming call,
// of whether a fault fires (by probability from the seeded rng, and/or for the next N calls).
import type { Provider } from './types.js';
import type { Rng } from './rng.js';

export interface FaultSpec {
  provider: Provider;
  /** Route name (e.g. `events.insert`, `graph.events.create`, `token`) or `*`. */
  route: string;
  status?: number;
  body?: unknown;
  retryAfterSeconds?: number;
  latencyMs?: number;
  /** Destroy the connection instead of answering. */
  reset?: boolean;
  /** 0..1; omitted = always. */
  probability?: number;
  /** Fire for the next N matching calls only; omitted = until cleared. */
  times?: number;
}

export interface FaultStore {
  add(spec: FaultSpec): FaultSpec;
  clear(): void;
  list(): FaultSpec[];
  /** The fault that fires for this call, if any (consumes one of its `times`). */
  pick(provider: Provider, route: string): FaultSpec | undefined;
}

export function createFaultStore(rng: () => Rng): FaultStore {
  let faults: FaultSpec[] = [];
  return {
    add(spec) {
      const f = { ...spec };
      faults.push(f);
      return f;
    },
    clear() {
      faults = [];
    },
    list: () => faults.map((f) => ({ ...f })),
    pick(provider, route) {
      for (const f of faults) {
        if (f.provider !== provider || (f.route !== '*' && f.route !== route)) continue;
        if (f.times !== undefined && f.times <= 0) continue;
        if (f.probability !== undefined && rng().next() >= f.probability) continue;
        if (f.times !== undefined) f.times -= 1;
        return f;
      }
      return undefined;
    },
  };
}
