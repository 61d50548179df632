// Owns the two origins of one emulator process: the HTTP app (control API, viewer, Google,
// Microsoft's browser-facing authorize page) and the HTTPS app (Microsoft identity + Graph),
// their shared parsers and error handling, and listening/closing.
import http from 'node:http';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import express from 'express';
import type { Express, NextFunction, Request, Response } from 'express';
import type { EmulatorContext } from './context.js';
import type { RouteLocals } from './route.js';
import { controlRouter } from './control/index.js';
import { registerGoogle } from '../google/index.js';
import { registerMicrosoft } from '../microsoft/index.js';
import { registerCalDav } from '../caldav/index.js';
import { registerViewer } from '../viewer/page.js';

function baseApp(): Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('etag', false);
  app.set('query parser', 'extended');
  app.use(express.json({ limit: '10mb' }));
  app.use(express.urlencoded({ extended: false, limit: '1mb' }));
  return app;
}

/** Errors thrown by parsers/handlers, answered in the format of the route's provider. */
function errorHandler(ctx: EmulatorContext, quiet: boolean) {
  return (err: { status?: number; message?: string }, _req: Request, res: Response, _next: NextFunction) => {
    const status = typeof err.status === 'number' ? err.status : 500;
    if (status >= 500 && !quiet) console.error('[calendar-emulator]', err);
    const route = res.locals.route as RouteLocals | undefined;
    const hooks = route ? ctx.hooks[route.provider] : undefined;
    if (res.headersSent) return;
    if (!hooks) return void res.status(status).json({ error: err.message ?? 'error' });
    const e = hooks.errorResponse(status, err.message, route?.name);
    for (const [k, v] of Object.entries(e.headers ?? {})) res.setHeader(k, v);
    res.status(status).json(e.body);
  };
}

export function buildApps(ctx: EmulatorContext, quiet = false): { httpApp: Express; httpsApp: Express } {
  const httpApp = baseApp();
  const httpsApp = baseApp();
  httpApp.use('/_emulator', controlRouter(ctx));
  registerGoogle(httpsApp, httpApp, ctx);
  registerMicrosoft(httpsApp, httpApp, ctx);
  registerCalDav(httpsApp, httpApp, ctx);
  registerViewer(httpApp, ctx);
  for (const app of [httpApp, httpsApp]) app.use(errorHandler(ctx, quiet));
  return { httpApp, httpsApp };
}

export interface Listening {
  port: number;
  close(): Promise<void>;
}

export function listen(server: http.Server | https.Server, port: number, host: string): Promise<Listening> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve({
        port: (server.address() as AddressInfo).port,
        close: () =>
          new Promise<void>((done) => {
            server.close(() => done());
            server.closeAllConnections();
          }),
      });
    });
  });
}
