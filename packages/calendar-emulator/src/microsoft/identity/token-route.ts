// Owns `POST /{tenant}/oauth2/v2.0/token` on the HTTPS origin: form parsing, client auth
// (body or HTTP Basic), grant dispatch (authorization_code, refresh_token, client_credentials) and the identity platform's error body.
// The correlation id echoes MSAL's `client-request-id` query parameter, as AAD does.
import type { Express, Request, Response } from 'express';
import type { EmulatorContext } from '../../core/context.js';
import { AadError, aadError } from './aad-error.js';
import type { SigningKey } from './jwt.js';
import { KNOWN_TENANTS } from './metadata.js';
import { issueAppToken } from './client-credentials.js';
import { authenticateClient, issueTokens, redeemCode, redeemRefreshToken, type Form } from './token-grants.js';

function basicAuth(req: Request): { id: string; secret: string } | undefined {
  const h = req.headers.authorization;
  if (!h?.startsWith('Basic ')) return undefined;
  const [id, ...rest] = Buffer.from(h.slice(6), 'base64').toString('utf8').split(':');
  return { id: decodeURIComponent(id ?? ''), secret: decodeURIComponent(rest.join(':')) };
}

function formOf(req: Request): Form {
  const out: Form = {};
  for (const [k, v] of Object.entries((req.body ?? {}) as Record<string, unknown>)) if (typeof v === 'string') out[k] = v;
  return out;
}

export function registerTokenRoute(app: Express, ctx: EmulatorContext, key: SigningKey): void {
  app.post('/:tenant/oauth2/v2.0/token', ctx.route('microsoft', 'token'), (req: Request, res: Response) => {
    const correlationId = typeof req.query['client-request-id'] === 'string' ? req.query['client-request-id'] : undefined;
    res.setHeader('Cache-Control', 'no-store, no-cache');
    res.setHeader('Pragma', 'no-cache');
    try {
      const tenant = String(req.params.tenant);
      if (!KNOWN_TENANTS.has(tenant)) throw new AadError(90002, { vars: { tenant } });
      const f = formOf(req);
      const client = authenticateClient(ctx, f, basicAuth(req), tenant);
      if (!f.grant_type) throw new AadError(900144, { vars: { param: 'grant_type' } });
      if (f.grant_type === 'client_credentials') return void res.json(issueAppToken(ctx, key, client, tenant, f));
      let subject;
      if (f.grant_type === 'authorization_code') subject = redeemCode(ctx, client, f);
      else if (f.grant_type === 'refresh_token') subject = redeemRefreshToken(ctx, client, f);
      else throw new AadError(70003);
      res.locals.user = subject.email;
      res.json(issueTokens(ctx, key, subject, f.client_info === '1'));
    } catch (e) {
      if (!(e instanceof AadError)) throw e;
      const { status, body } = aadError(e.code, { ...e.opts, ...(correlationId ? { correlationId } : {}) });
      res.status(status).json(body);
    }
  });
}
