// Owns per-user request quotas (calls per second, sliding one-second window). Every call
// reaching a provider route after authentication is counted, including each call inside a
// batch, because the providers count them that way.
import type { Provider } from './types.js';

export interface QuotaStore {
  set(provider: Provider, email: string, perSecond: number | null): void;
  clear(): void;
  /** True when the call is admitted (and then counted), false when over quota. */
  admit(provider: Provider, email: string, now: number): boolean;
  list(): { provider: Provider; email: string; perSecond: number }[];
}

export function createQuotaStore(): QuotaStore {
  const limits = new Map<string, number>();
  const hits = new Map<string, number[]>();
  const key = (p: Provider, e: string) => `${p}|${e.toLowerCase()}`;
  return {
    set(provider, email, perSecond) {
      if (perSecond === null) limits.delete(key(provider, email));
      else limits.set(key(provider, email), perSecond);
      hits.delete(key(provider, email));
    },
    clear() {
      limits.clear();
      hits.clear();
    },
    admit(provider, email, now) {
      const k = key(provider, email);
      const limit = limits.get(k);
      if (limit === undefined) return true;
      const recent = (hits.get(k) ?? []).filter((t) => t > now - 1000);
      if (recent.length >= limit) {
        hits.set(k, recent);
        return false;
      }
      recent.push(now);
      hits.set(k, recent);
      return true;
    },
    list: () =>
      [...limits].map(([k, perSecond]) => {
        const [provider, email] = k.split('|') as [Provider, string];
        return { provider, email, perSecond };
      }),
  };
}
