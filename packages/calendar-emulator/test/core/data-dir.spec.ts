// --data-dir keeps the local CA across restarts, so a client that trusted it keeps working.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { startEmulator } from '../../src/index.js';

describe('data dir', () => {
  it('reuses the CA it created on the first start', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cal-emu-'));
    try {
      const a = await startEmulator({ port: 0, httpsPort: 0, dataDir: dir });
      await a.close();
      const b = await startEmulator({ port: 0, httpsPort: 0, dataDir: dir });
      await b.close();
      expect(b.caPem).toBe(a.caPem);
      const c = await startEmulator({ port: 0, httpsPort: 0 });
      await c.close();
      expect(c.caPem).not.toBe(a.caPem);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
