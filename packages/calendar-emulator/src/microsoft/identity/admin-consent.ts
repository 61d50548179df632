// Owns the admin consent endpoint, `GET /{tenant}/adminconsent` (v1 form) and
// `GET /{tenant}/v2.0/adminconsent` (v2, with `scope`), on both origins like authorize: an
// administrator grants the application its *application* permissions for the whole tenant,
// then comes back to `redirect_uri?admin_consent=True&tenant=<tenant id>&state=...` (v2 adds
// `scope`). Refusal: `?error=access_denied&error_description=...`. The consent is what the
// client-credentials grant needs (token-grants.ts); a control call withdraws it.
// Source: entra-docs v2-admin-consent.md ("Request the permissions from a directory admin",
// "Successful response", "Error response").
import type { Express, Request, Response } from 'express';
import type { EmulatorContext } from '../../core/context.js';
import { findClient, redirectUriAllowed } from '../../core/state.js';
import { msState } from '../state.js';
import { aadError } from './aad-error.js';
import { EMULATOR_TENANT_ID } from './claims.js';
import { errorPage } from './consent-page.js';
import { KNOWN_TENANTS } from './metadata.js';

const q = (req: Request, k: string) => (typeof req.query[k] === 'string' ? (req.query[k] as string) : undefined);

/** Records the tenant-wide consent of `clientId` (what an admin's "Accept" does). */
export function grantAdminConsent(ctx: EmulatorContext, clientId: string): void {
  msState(ctx).adminConsents[clientId] = { tenant: EMULATOR_TENANT_ID, grantedAt: ctx.clock.now() };
}

export function registerAdminConsentRoutes(app: Express, ctx: EmulatorContext): void {
  const handle = (v2: boolean) => (req: Request, res: Response) => {
    res.setHeader('Cache-Control', 'no-store');
    const tenant = String(req.params.tenant);
    const clientId = q(req, 'client_id');
    const redirectUri = q(req, 'redirect_uri');
    const state = q(req, 'state');
    const page = (code: Parameters<typeof aadError>[0], vars: Record<string, string>) =>
      res.status(400).type('html').send(errorPage(String(aadError(code, { vars }).body.error_description)));
    // Personal accounts cannot consent for a tenant: "common" is refused like an unknown tenant.
    if (!KNOWN_TENANTS.has(tenant) || tenant === 'consumers') return page(90002, { tenant });
    const client = clientId ? findClient(ctx.state, 'microsoft', clientId) : undefined;
    if (!client) return page(700016, { clientId: clientId ?? '', tenant });
    if (!redirectUri) return page(900971, {});
    if (!redirectUriAllowed(client, redirectUri)) return page(50011, { redirectUri, clientId: client.clientId });
    const back = new URL(redirectUri);
    if (ctx.state.consent.microsoft === 'deny') {
      const e = aadError(65004);
      back.searchParams.set('error', 'access_denied');
      back.searchParams.set('error_description', String(e.body.error_description));
    } else {
      grantAdminConsent(ctx, client.clientId);
      back.searchParams.set('admin_consent', 'True');
      back.searchParams.set('tenant', EMULATOR_TENANT_ID);
      if (v2) back.searchParams.set('scope', q(req, 'scope') ?? 'https://graph.microsoft.com/.default');
    }
    if (state !== undefined) back.searchParams.set('state', state);
    res.redirect(302, back.toString());
  };
  app.get('/:tenant/adminconsent', ctx.route('microsoft', 'identity.adminconsent'), handle(false));
  app.get('/:tenant/v2.0/adminconsent', ctx.route('microsoft', 'identity.adminconsent'), handle(true));
}
