// Owns the Graph request plumbing shared by every Graph route: bearer-token authentication
// (401 InvalidAuthenticationToken, 403 when the token lacks calendar scopes, the mailbox an
// app-only token acts on), the handler
// wrapper that answers GraphHttpErrors in Graph's envelope, and Graph's response headers.
import { randomUUID } from 'node:crypto';
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import type { EmulatorContext } from '../../core/context.js';
import { authenticate } from '../../core/tokens.js';
import { graphErrorBody, GraphHttpError, graphErrors, type GraphResult } from './graph-error.js';
import { policyAllows, resolveMailbox, usersErrors } from './users-routes.js';

const WWW_AUTHENTICATE = 'Bearer realm="", authorization_uri="https://login.microsoftonline.com/common/oauth2/authorize", client_id="00000003-0000-0000-c000-000000000000"';

export function requestIds(req: Request, res: Response): { requestId: string; clientRequestId?: string } {
  let requestId = res.getHeader('request-id') as string | undefined;
  const clientRequestId = typeof req.headers['client-request-id'] === 'string' ? req.headers['client-request-id'] : undefined;
  if (!requestId) {
    requestId = randomUUID();
    res.setHeader('request-id', requestId);
    if (clientRequestId) res.setHeader('client-request-id', clientRequestId);
  }
  return { requestId, ...(clientRequestId ? { clientRequestId } : {}) };
}

export function sendGraphError(req: Request, res: Response, e: GraphHttpError): void {
  const ids = requestIds(req, res);
  for (const [k, v] of Object.entries(e.headers)) res.setHeader(k, v);
  if (e.status === 401) res.setHeader('WWW-Authenticate', WWW_AUTHENTICATE);
  res.status(e.status).json(graphErrorBody(e.code, e.message, ids.requestId, ids.clientRequestId));
}

/** Wraps a Graph handler: sets Graph headers, sends its result, maps GraphHttpError. */
export function graphHandler(fn: (req: Request, res: Response) => GraphResult | Promise<GraphResult>): RequestHandler {
  return async (req, res) => {
    requestIds(req, res);
    try {
      const r = await fn(req, res);
      for (const [k, v] of Object.entries(r.headers ?? {})) res.setHeader(k, v);
      res.setHeader('OData-Version', '4.0');
      if (r.body === undefined) return void res.status(r.status).end();
      res.status(r.status).type('application/json; odata.metadata=minimal; odata.streaming=true; IEEE754Compatible=false; charset=utf-8').send(JSON.stringify(r.body));
    } catch (e) {
      if (e instanceof GraphHttpError) return sendGraphError(req, res, e);
      throw e;
    }
  };
}

const normalizeScope = (s: string) => s.toLowerCase().replace(/^https:\/\/graph\.microsoft\.com\//, '');

/**
 * Authenticates the bearer token and settles who the call acts as (res.locals.user = email):
 * the token's user, or for `/users/{id}` paths the mailbox named (users-routes.ts rules).
 * `write` routes need Calendars.ReadWrite (a delegated scope or an application role).
 * `appWithoutMailbox`: routes an app-only token may call without naming a mailbox ($batch).
 */
export function graphAuth(ctx: EmulatorContext, need: 'read' | 'write' | 'any', appWithoutMailbox = false): RequestHandler {
  return (req: Request, res: Response, next: NextFunction) => {
    const h = req.headers.authorization ?? '';
    const token = /^Bearer\s+(.+)$/i.exec(h)?.[1]?.trim();
    if (!token) return sendGraphError(req, res, graphErrors.invalidToken('Access token is empty.'));
    const at = authenticate(ctx.state, 'microsoft', token, ctx.clock.now());
    if (!at) {
      const known = ctx.state.accessTokens.has(token);
      const why = known ? 'Lifetime validation failed, the token is expired.'
        : token.split('.').length === 3 ? 'Access token validation failure. Invalid audience.'
        : 'IDX14100: JWT is not well formed, there are no dots (.).';
      return sendGraphError(req, res, graphErrors.invalidToken(why));
    }
    const mailbox = res.locals.mailbox as string | undefined;
    const account = mailbox === undefined ? undefined : resolveMailbox(ctx, mailbox);
    if (mailbox !== undefined && !account) return sendGraphError(req, res, usersErrors.invalidUser(mailbox));
    if (at.appOnly) {
      if (!account) {
        if (appWithoutMailbox) return next();
        return sendGraphError(req, res, usersErrors.meNeedsUser());
      }
      if (!policyAllows(ctx, at.clientId, account.email)) return sendGraphError(req, res, usersErrors.blockedByPolicy());
      res.locals.user = account.email;
    } else {
      // A delegated token reaches its own mailbox only (no delegate or shared calendars here).
      if (account && account.email.toLowerCase() !== at.email.toLowerCase()) return sendGraphError(req, res, graphErrors.accessDenied());
      res.locals.user = at.email;
    }
    const scopes = [...at.scopes, ...(at.appOnly?.roles ?? [])].map(normalizeScope);
    const all = !at.appOnly && scopes.includes('.default');
    const ok = need === 'any' || all || scopes.includes('calendars.readwrite') || (need === 'read' && scopes.includes('calendars.read'));
    if (!ok) return sendGraphError(req, res, graphErrors.accessDenied());
    next();
  };
}
