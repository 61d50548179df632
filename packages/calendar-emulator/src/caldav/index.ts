// CalDAV side of the emulator (RFC 4791 over WebDAV, RFC 4918): service discovery
// (RFC 6764 well-known), principal and calendar home, calendar collections, REPORTs and
// conditional object writes, with HTTP Basic and per-account app passwords. Served on both
// origins at /caldav/ (and PROPFIND / at the root, as servers whose root is the DAV root).
// Called once by src/core/server.ts (see src/core/context-types.ts). Routes: README.md here.
import express from 'express';
import type { Express, NextFunction, Request, Response } from 'express';
import type { EmulatorContext } from '../core/context.js';
import { basicAuth } from './auth.js';
import { registerCalDavControl } from './control.js';
import { handleDav } from './dav-routes.js';
import { caldavHooks } from './hooks.js';
import { ROOT } from './resources.js';

/** The request is CalDAV's: anything under /caldav/, or WebDAV methods on the origin root. */
const isDav = (req: Request) =>
  req.path === ROOT.slice(0, -1) || req.path.startsWith(ROOT) || (req.path === '/' && ['PROPFIND', 'OPTIONS', 'REPORT'].includes(req.method));

export function registerCalDav(httpsApp: Express, httpApp: Express, ctx: EmulatorContext): void {
  ctx.hooks.caldav = caldavHooks;
  const dav = express.Router();
  dav.use((req, res, next) => ctx.route('caldav', `caldav.${req.method.toLowerCase()}`)(req, res, next));
  // iCalendar and XML bodies arrive as text whatever their Content-Type says.
  dav.use(express.text({ type: () => true, limit: '2mb' }));
  dav.use(basicAuth(() => ctx.state));
  dav.use(ctx.quotaGate('caldav'));
  dav.use(handleDav(ctx));
  for (const app of [httpApp, httpsApp]) {
    // RFC 6764 §5: the well-known URI redirects to the service's context path.
    app.all('/.well-known/caldav', ctx.route('caldav', 'caldav.well-known'), (_req: Request, res: Response) => res.redirect(301, ROOT));
    app.use((req: Request, res: Response, next: NextFunction) => (isDav(req) ? dav(req, res, next) : next()));
  }
  registerCalDavControl(httpApp, ctx);
}
