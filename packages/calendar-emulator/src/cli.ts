#!/usr/bin/env node
// Command-line entry: `calendar-emulator --port 4545 --https-port 4546 [--host] [--seed] [--data-dir]`.
import { parseArgs } from 'node:util';
import { startEmulator } from './index.js';

const { values } = parseArgs({
  // `pnpm start -- --port 1` forwards the `--` itself; it is not an argument here.
  args: process.argv.slice(2).filter((a) => a !== '--'),
  options: {
    port: { type: 'string' },
    'https-port': { type: 'string' },
    host: { type: 'string' },
    seed: { type: 'string' },
    'data-dir': { type: 'string' },
  },
});

const num = (v: string | undefined): number | undefined => (v === undefined ? undefined : Number(v));

const handle = await startEmulator({
  ...(values.port !== undefined ? { port: num(values.port) } : {}),
  ...(values['https-port'] !== undefined ? { httpsPort: num(values['https-port']) } : {}),
  ...(values.host !== undefined ? { host: values.host } : {}),
  ...(values.seed !== undefined ? { seed: num(values.seed) } : {}),
  ...(values['data-dir'] !== undefined ? { dataDir: values['data-dir'] } : {}),
});

console.log(`calendar emulator
  viewer + control API + Google:  ${handle.url}   (info: ${handle.url}/_emulator/info)
  Microsoft identity + Graph:     ${handle.httpsUrl}`);

const stop = () => void handle.close().then(() => process.exit(0));
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
