// Starts one in-process emulator per test file on free ports and resets it before each test.
import { afterAll, beforeAll, beforeEach } from 'vitest';
import { startEmulator } from '../../src/index.js';
import type { EmulatorHandle, StartOptions } from '../../src/index.js';

export function useEmulator(opts: StartOptions = {}): { get: () => EmulatorHandle } {
  let handle: EmulatorHandle | undefined;
  beforeAll(async () => {
    handle = await startEmulator({ port: 0, httpsPort: 0, quiet: true, ...opts });
  });
  beforeEach(async () => {
    await handle!.control.reset();
  });
  afterAll(async () => {
    await handle?.close();
  });
  return { get: () => handle! };
}
