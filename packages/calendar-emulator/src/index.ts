// Public entry point: startEmulator() runs both origins in-process (tests use port 0 for
// free ports) and returns URLs, the CA and typed control helpers.
import http from 'node:http';
import https from 'node:https';
import { createContext } from './core/context.js';
import type { EmulatorContext } from './core/context.js';
import { buildApps, listen } from './core/server.js';
import { createTlsMaterial } from './tls/ca.js';
import { createControlClient } from './core/control-client.js';
import type { ControlClient } from './core/control-client.js';

export interface StartOptions {
  /** HTTP origin port (default 4545; 0 = any free port). */
  port?: number;
  /** HTTPS origin port (default 4546; 0 = any free port). */
  httpsPort?: number;
  /** Interface to bind; loopback only by design (default 127.0.0.1). */
  host?: string;
  /** Seed for probabilistic faults and random page sizes (default 1). */
  seed?: number;
  /** Where the local CA is kept across restarts; omitted = a fresh CA each start. */
  dataDir?: string;
  /** Do not log internal (5xx) errors to stderr. */
  quiet?: boolean;
}

export interface EmulatorHandle {
  /** HTTP origin: control API, viewer, Google OAuth + Calendar. */
  url: string;
  /** HTTPS origin: Microsoft identity + Graph. */
  httpsUrl: string;
  /** PEM of the CA that signed the HTTPS certificate. */
  caPem: string;
  control: ControlClient;
  /** In-process access for advanced tests; prefer the control API. */
  context: EmulatorContext;
  close(): Promise<void>;
}

export async function startEmulator(opts: StartOptions = {}): Promise<EmulatorHandle> {
  const host = opts.host ?? '127.0.0.1';
  const ctx = createContext(opts.seed ?? 1);
  const tls = await createTlsMaterial(opts.dataDir);
  ctx.caPem = tls.caPem;
  const { httpApp, httpsApp } = buildApps(ctx, opts.quiet ?? false);
  const httpServer = await listen(http.createServer(httpApp), opts.port ?? 4545, host);
  const httpsServer = await listen(https.createServer({ key: tls.key, cert: tls.cert }, httpsApp), opts.httpsPort ?? 4546, host);
  const urlHost = host === '127.0.0.1' || host === 'localhost' ? undefined : host;
  ctx.urls = {
    http: `http://${urlHost ?? '127.0.0.1'}:${httpServer.port}`,
    // The certificate names localhost; the Graph SDK's customHosts wants a host name.
    https: `https://${urlHost ?? 'localhost'}:${httpsServer.port}`,
  };
  return {
    url: ctx.urls.http,
    httpsUrl: ctx.urls.https,
    caPem: tls.caPem,
    control: createControlClient(ctx.urls.http),
    context: ctx,
    close: async () => {
      await Promise.all([httpServer.close(), httpsServer.close()]);
    },
  };
}

export type { EmulatorContext, ProviderHooks } from './core/context.js';
export type { ControlClient } from './core/control-client.js';
/** For a process that did not start the emulator (a browser test worker): the same client over its URL. */
export { createControlClient } from './core/control-client.js';
export type { FaultSpec } from './core/faults.js';
export type { Provider } from './core/types.js';
export { DEFAULT_CLIENTS, DEFAULT_EMAILS } from './core/state.js';
