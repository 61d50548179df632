// Owns the request log read back by `GET /_emulator/requests`: one entry per provider call,
// so tests and benchmarks can count what a client really sent.
import type { Provider } from './types.js';

export interface RequestLogEntry {
  time: string;
  provider: Provider;
  route: string;
  method: string;
  path: string;
  /** 0 when the connection was reset by a fault. */
  status: number;
  user?: string;
  /** True for a call executed inside a batch. */
  inner?: boolean;
  fault?: boolean;
}

const MAX_ENTRIES = 10_000;

export interface RequestLog {
  add(entry: RequestLogEntry): void;
  list(): RequestLogEntry[];
  clear(): void;
}

export function createRequestLog(): RequestLog {
  let entries: RequestLogEntry[] = [];
  return {
    add(entry) {
      entries.push(entry);
      if (entries.length > MAX_ENTRIES) entries = entries.slice(-MAX_ENTRIES);
    },
    list: () => [...entries],
    clear() {
      entries = [];
    },
  };
}
