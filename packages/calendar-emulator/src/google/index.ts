// Owns the wiring of every Google route (OAuth + Calendar v3 + batch) into the HTTP origin.
// googleapis drops any rootUrl path prefix (provider-apis.md A2.8), so these live at the root.
import type { Express } from 'express';
import type { EmulatorContext } from '../core/context.js';
import { googleHooks } from './errors.js';
import { registerAuthorize } from './oauth/authorize.js';
import { registerToken } from './oauth/token.js';
import { registerRevoke } from './oauth/revoke.js';
import { registerCerts } from './oauth/id-token.js';
import { registerTokenInfo } from './oauth/tokeninfo.js';
import { registerCalendarList } from './calendar/calendar-list.js';
import { registerEventReads } from './calendar/events-read.js';
import { registerEventWrites } from './calendar/events-write.js';
import { registerGoogleControl } from './settings.js';
import { registerServiceAccountControl } from './oauth/service-account-control.js';
import { registerBatch } from './batch.js';
import { registerWatch } from './push/watch-routes.js';
import { fieldsMiddleware } from './fields.js';
import { registerFreeBusy } from './freebusy/freebusy-route.js';
import { registerInstances } from './recurrence/instances-route.js';
import { registerOwnerRoutes } from './owner/owner-routes.js';
import { registerOwnerCalendars } from './owner/owner-calendars.js';
import { registerPushControl } from './push/push-control.js';

export function registerGoogle(_httpsApp: Express, httpApp: Express, ctx: EmulatorContext): void {
  ctx.hooks.google = googleHooks(ctx);
  registerAuthorize(httpApp, ctx);
  registerToken(httpApp, ctx);
  registerRevoke(httpApp, ctx);
  registerCerts(httpApp);
  registerTokenInfo(httpApp, ctx);
  httpApp.use('/calendar/v3', fieldsMiddleware);
  registerCalendarList(httpApp, ctx);
  registerWatch(httpApp, ctx);
  registerInstances(httpApp, ctx);
  registerFreeBusy(httpApp, ctx);
  registerEventReads(httpApp, ctx);
  registerEventWrites(httpApp, ctx);
  registerGoogleControl(httpApp, ctx);
  registerServiceAccountControl(httpApp, ctx);
  registerOwnerRoutes(httpApp, ctx);
  registerOwnerCalendars(httpApp, ctx);
  registerPushControl(httpApp, ctx);
  registerBatch(httpApp, ctx);
}
