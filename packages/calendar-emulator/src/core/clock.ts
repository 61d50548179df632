// Owns "now" for the emulator: token expiry and timestamps read it, and the control API can
// move it forward so tests reach expiry without waiting.

export interface Clock {
  now(): number;
  advance(ms: number): void;
  /** Back to real time (reset). */
  reset(): void;
}

export function createClock(): Clock {
  let offset = 0;
  return {
    now: () => Date.now() + offset,
    advance: (ms) => {
      offset += ms;
    },
    reset: () => {
      offset = 0;
    },
  };
}
