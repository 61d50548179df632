// Owns `/v1.0/subscriptions[/{id}]`: POST (201, after the validation handshake of
// notificationUrl and lifecycleNotificationUrl), GET (the calling app's subscriptions for
// the signed-in user), PATCH (renew `expirationDateTime`, or a new `notificationUrl`, which
// is validated again; `lifecycleNotificationUrl` cannot be added or changed), DELETE (204),
// POST /{id}/reauthorize (204). An expired subscription is gone: 404 (U: Graph's code).
// An app-only token (client credentials) names the mailbox in the resource (users/{id}/...),
// within the app's access policy, and sees every subscription of the app.
// Sources: graph/api/subscription-post-subscriptions, subscription-update, subscription-delete,
// subscription-reauthorize, resources/subscription; provider-apis.md B3.5.
import { randomUUID } from 'node:crypto';
import type { Express, Request, Response } from 'express';
import type { EmulatorContext } from '../../../core/context.js';
import { authenticate } from '../../../core/tokens.js';
import { EMULATOR_TENANT_ID, objectIdFor } from '../../identity/claims.js';
import { userCalendars } from '../event-store.js';
import { GraphHttpError, graphErrors } from '../graph-error.js';
import { graphAuth, graphHandler } from '../graph-http.js';
import { policyAllows, resolveMailbox, usersErrors } from '../users-routes.js';
import { parsePrefer } from '../prefer.js';
import { expirationOf } from './notify.js';
import { checkClientState, checkEndpoint, parseChangeTypes, parseExpiration, watchedCalendar } from './subscription-rules.js';
import { isLive, notificationSettings, subscriptions, type Subscription } from './subscription-state.js';
import { validateEndpoint } from './validation.js';

type Body = Record<string, unknown>;
const notFound = () => new GraphHttpError(404, 'ResourceNotFound', 'The object was not found.');

export function renderSubscription(ctx: EmulatorContext, s: Subscription): Record<string, unknown> {
  return {
    '@odata.context': `${ctx.urls.https}/v1.0/$metadata#subscriptions/$entity`,
    id: s.id, resource: s.resource, applicationId: s.applicationId, changeType: s.changeTypes.join(','),
    clientState: s.clientState ?? null, notificationUrl: s.notificationUrl, notificationQueryOptions: null,
    lifecycleNotificationUrl: s.lifecycleNotificationUrl ?? null, expirationDateTime: expirationOf(s), creatorId: s.creatorId,
    includeResourceData: null, latestSupportedTlsVersion: 'v1_2', encryptionCertificate: null, encryptionCertificateId: null, notificationUrlAppId: null,
  };
}

export function registerSubscriptionRoutes(app: Express, ctx: EmulatorContext): void {
  // No mailbox in these URLs: an app-only token passes the gate without one (res.locals.user unset).
  const gate = (name: string) => [ctx.route('microsoft', name), graphAuth(ctx, 'read', true), ctx.quotaGate('microsoft')];
  const tokenOf = (req: Request) => {
    const token = /^Bearer\s+(.+)$/i.exec(req.headers.authorization ?? '')?.[1]?.trim() ?? '';
    return authenticate(ctx.state, 'microsoft', token, ctx.clock.now());
  };
  const appOf = (req: Request) => tokenOf(req)?.clientId ?? '';
  const body = (req: Request): Body => (req.body && typeof req.body === 'object' && !Array.isArray(req.body) ? (req.body as Body) : {});
  const mine = (req: Request, res: Response) =>
    subscriptions(ctx).filter((s) => (res.locals.user === undefined || s.email === res.locals.user) && s.applicationId === appOf(req) && isLive(ctx, s));
  /** The mailbox a subscription is for: the signed-in user, or (app-only) the one its resource names. */
  const mailboxOf = (req: Request, res: Response, resource: unknown): string => {
    if (res.locals.user !== undefined) return res.locals.user as string;
    const named = /^\/?users\/([^/]+)\//i.exec(typeof resource === 'string' ? resource.trim() : '')?.[1];
    if (!named) throw usersErrors.meNeedsUser();
    const account = resolveMailbox(ctx, decodeURIComponent(named));
    if (!account) throw usersErrors.invalidUser(decodeURIComponent(named));
    if (!policyAllows(ctx, appOf(req), account.email)) throw usersErrors.blockedByPolicy();
    return account.email;
  };
  const one = (req: Request, res: Response) => {
    const s = mine(req, res).find((x) => x.id === req.params.id);
    if (!s) throw notFound();
    return s;
  };

  app.post('/v1.0/subscriptions', ...gate('graph.subscriptions.create'), graphHandler(async (req, res) => {
    const b = body(req);
    const email = mailboxOf(req, res, b.resource);
    const cal = watchedCalendar(b.resource, { email, objectId: objectIdFor(email), calendars: userCalendars(ctx, email) });
    const s: Subscription = {
      id: randomUUID(), resource: String(b.resource), email, calendarId: cal.id, changeTypes: parseChangeTypes(b.changeType),
      notificationUrl: checkEndpoint(b.notificationUrl, 'notificationUrl'),
      ...(b.lifecycleNotificationUrl !== undefined && b.lifecycleNotificationUrl !== null ? { lifecycleNotificationUrl: checkEndpoint(b.lifecycleNotificationUrl, 'lifecycleNotificationUrl') } : {}),
      ...(checkClientState(b.clientState) !== undefined ? { clientState: b.clientState as string } : {}),
      expirationMs: parseExpiration(b.expirationDateTime, ctx.clock.now(), notificationSettings(ctx).maxLifetimeMinutes),
      applicationId: appOf(req), creatorId: objectIdFor(email), tenantId: EMULATOR_TENANT_ID,
      immutableIds: parsePrefer(req.headers.prefer).immutableId,
    };
    await validateEndpoint(ctx, s.notificationUrl, s.id);
    if (s.lifecycleNotificationUrl) await validateEndpoint(ctx, s.lifecycleNotificationUrl, s.id);
    subscriptions(ctx).push(s);
    return { status: 201, body: renderSubscription(ctx, s) };
  }));

  app.get('/v1.0/subscriptions', ...gate('graph.subscriptions.list'), graphHandler((req, res) => ({
    status: 200,
    body: { '@odata.context': `${ctx.urls.https}/v1.0/$metadata#subscriptions`, value: mine(req, res).map((s) => { const { '@odata.context': _c, ...rest } = renderSubscription(ctx, s); return rest; }) },
  })));

  app.get('/v1.0/subscriptions/:id', ...gate('graph.subscriptions.get'), graphHandler((req, res) => ({ status: 200, body: renderSubscription(ctx, one(req, res)) })));

  app.patch('/v1.0/subscriptions/:id', ...gate('graph.subscriptions.update'), graphHandler(async (req, res) => {
    const s = one(req, res);
    const b = body(req);
    const extra = Object.keys(b).filter((k) => k !== 'expirationDateTime' && k !== 'notificationUrl');
    if (extra.length) throw graphErrors.badRequest(`Only expirationDateTime and notificationUrl can be updated, not: ${extra.join(', ')}.`, 'InvalidRequest');
    const expirationMs = b.expirationDateTime === undefined ? s.expirationMs : parseExpiration(b.expirationDateTime, ctx.clock.now(), notificationSettings(ctx).maxLifetimeMinutes);
    const url = b.notificationUrl === undefined ? undefined : checkEndpoint(b.notificationUrl, 'notificationUrl');
    if (url !== undefined && url !== s.notificationUrl) await validateEndpoint(ctx, url, s.id);
    s.expirationMs = expirationMs;
    if (url !== undefined) s.notificationUrl = url;
    return { status: 200, body: renderSubscription(ctx, s) };
  }));

  app.delete('/v1.0/subscriptions/:id', ...gate('graph.subscriptions.delete'), graphHandler((req, res) => {
    const s = one(req, res);
    subscriptions(ctx).splice(subscriptions(ctx).indexOf(s), 1);
    return { status: 204 };
  }));

  app.post('/v1.0/subscriptions/:id/reauthorize', ...gate('graph.subscriptions.reauthorize'), graphHandler((req, res) => {
    one(req, res);
    return { status: 204 };
  }));
}
