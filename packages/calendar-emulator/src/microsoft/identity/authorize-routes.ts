// Owns the HTTP surface of `/{tenant}/oauth2/v2.0/authorize`, mounted on BOTH origins: the
// HTTPS one (what MSAL's metadata advertises) and the HTTP one (same path, so a person in dev
// mode clicks through without a certificate warning). The consent page posts to `/decision`.
import type { Express, Request, Response } from 'express';
import type { EmulatorContext } from '../../core/context.js';
import { findAccount } from '../../core/state.js';
import { approve, decide, deny, validateAuthorize, type AuthorizeOutcome, type Params } from './authorize.js';
import { consentPage, errorPage, formPostPage } from './consent-page.js';

function paramsOf(source: unknown): Params {
  const out: Params = {};
  for (const [k, v] of Object.entries((source ?? {}) as Record<string, unknown>)) if (typeof v === 'string') out[k] = v;
  return out;
}

function send(res: Response, outcome: AuthorizeOutcome, action: string, p: Params): void {
  res.setHeader('Cache-Control', 'no-store');
  if (outcome.kind === 'page-error') return void res.status(outcome.status).type('html').send(errorPage(outcome.description));
  if (outcome.kind === 'consent-page') return void res.type('html').send(consentPage(action, p, outcome.accounts, outcome.hint));
  if (outcome.formPost) return void res.type('html').send(formPostPage(outcome.url, outcome.formPost));
  res.redirect(302, outcome.url);
}

export function registerAuthorizeRoutes(app: Express, ctx: EmulatorContext): void {
  const path = '/:tenant/oauth2/v2.0/authorize';
  const handle = (req: Request, res: Response) => {
    const p = paramsOf(req.method === 'POST' ? req.body : req.query);
    const tenant = String(req.params.tenant);
    const outcome = validateAuthorize(ctx, tenant, p) ?? decide(ctx, p);
    send(res, outcome, `/${tenant}/oauth2/v2.0/authorize/decision`, p);
  };
  app.get(path, ctx.route('microsoft', 'identity.authorize'), handle);
  app.post(path, ctx.route('microsoft', 'identity.authorize'), handle);

  app.post(`${path}/decision`, ctx.route('microsoft', 'identity.authorize.decision'), (req, res) => {
    const { decision, account: email, ...rest } = paramsOf(req.body);
    const p: Params = rest;
    const tenant = String(req.params.tenant);
    const invalid = validateAuthorize(ctx, tenant, p);
    if (invalid) return send(res, invalid, '', p);
    if (decision !== 'accept') return send(res, deny(p), '', p);
    const account = email ? findAccount(ctx.state, 'microsoft', email) : undefined;
    if (!account) return void res.status(400).type('html').send(errorPage('Pick an account.'));
    send(res, approve(ctx, p, account), '', p);
  });
}
