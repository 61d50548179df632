// Microsoft side of the emulator: identity platform v2 (authorize on both origins; token,
// discovery and keys on HTTPS) and Microsoft Graph calendar routes (HTTPS), plus the
// Microsoft-only control routes. Called once by src/core/server.ts (see src/core/context.ts).
import type { Express, NextFunction, Request, Response } from 'express';
import type { EmulatorContext } from '../core/context.js';
import { registerMicrosoftControl } from './control.js';
import { registerBatchRoute } from './graph/batch-route.js';
import { registerCalendarRoutes } from './graph/calendar-routes.js';
import { registerCalendarViewRoutes } from './graph/calendar-view-routes.js';
import { registerDeltaRoutes } from './graph/delta-routes.js';
import { registerEventRoutes } from './graph/event-routes.js';
import { onEventChange } from './graph/event-changes.js';
import { registerInstanceRoutes } from './graph/instance-routes.js';
import { registerScheduleRoute } from './graph/schedule/schedule-route.js';
import { notifyChange } from './graph/subscriptions/notify.js';
import { registerSubscriptionRoutes } from './graph/subscriptions/subscription-routes.js';
import { graphErrors } from './graph/graph-error.js';
import { sendGraphError } from './graph/graph-http.js';
import { microsoftHooks } from './hooks.js';
import { registerAuthorizeRoutes } from './identity/authorize-routes.js';
import { createSigningKey } from './identity/jwt.js';
import { registerMetadataRoutes } from './identity/metadata.js';
import { registerTokenRoute } from './identity/token-route.js';
import { registerAdminConsentRoutes } from './identity/admin-consent.js';
import { registerUsersRewrite } from './graph/users-routes.js';

export function registerMicrosoft(httpsApp: Express, httpApp: Express, ctx: EmulatorContext): void {
  ctx.hooks.microsoft = microsoftHooks;
  // One signing key per emulator process; tokens from a previous run are unknown anyway.
  const key = createSigningKey();

  registerMetadataRoutes(httpsApp, ctx, key);
  registerAuthorizeRoutes(httpsApp, ctx);
  registerAuthorizeRoutes(httpApp, ctx);
  registerTokenRoute(httpsApp, ctx, key);
  registerAdminConsentRoutes(httpsApp, ctx);
  registerAdminConsentRoutes(httpApp, ctx);

  // Before every Graph route: /users/{id}/... is served by the /me routes (users-routes.ts).
  registerUsersRewrite(httpsApp);

  registerCalendarRoutes(httpsApp, ctx);
  registerDeltaRoutes(httpsApp, ctx);
  registerCalendarViewRoutes(httpsApp, ctx);
  registerInstanceRoutes(httpsApp, ctx);
  registerEventRoutes(httpsApp, ctx);
  registerBatchRoute(httpsApp, ctx);
  registerSubscriptionRoutes(httpsApp, ctx);
  registerScheduleRoute(httpsApp, ctx);
  // Every event write, whoever makes it, reaches the change notifications.
  onEventChange(ctx, notifyChange);
  // Graph answers unknown segments with 400 BadRequest in its own envelope.
  httpsApp.all('/v1.0/{*rest}', ctx.route('microsoft', 'graph.unknown'), (req: Request, res: Response) =>
    sendGraphError(req, res, graphErrors.noRoute(req.path.split('/').pop() ?? '')));

  // Body-parser failures happen before any route names itself: answer them as Graph does.
  httpsApp.use('/v1.0', (err: { status?: number; type?: string }, req: Request, res: Response, next: NextFunction) => {
    if (err.type !== 'entity.parse.failed') return next(err);
    sendGraphError(req, res, graphErrors.badRequest('Unable to read JSON request payload. Please ensure Content-Type header is set and payload is of valid JSON format.'));
  });

  registerMicrosoftControl(httpApp, ctx);
}

export { summarizeMicrosoftEvent } from './event-summary.js';
