// Owns GET /o/oauth2/v2/auth and its consent decision: consent modes auto/deny/page,
// login_hint account choice, and the code that remembers PKCE + whether a refresh token
// may be minted (access_type=offline and first consent, or prompt=consent).
import type { Express, Request, Response } from 'express';
import type { EmulatorContext } from '../../core/context.js';
import type { Account } from '../../core/types.js';
import { findAccount } from '../../core/state.js';
import { findGrant, recordGrant } from '../../core/tokens.js';
import { randomToken } from '../../core/ids.js';
import { parseAuthorizeRequest } from './authorize-request.js';
import type { AuthorizeRequest } from './authorize-request.js';
import { consentPage, errorPage } from './consent-page.js';

const CODE_TTL_MS = 10 * 60 * 1000;

function redirectTo(res: Response, uri: string, params: Record<string, string | undefined>): void {
  const u = new URL(uri);
  for (const [k, v] of Object.entries(params)) if (v !== undefined) u.searchParams.set(k, v);
  res.redirect(302, u.toString());
}

/** `granted` = the scopes the user left ticked (granular consent); defaults to all requested. */
function approve(ctx: EmulatorContext, r: AuthorizeRequest, account: Account, res: Response, granted = r.scopes): void {
  const now = ctx.clock.now();
  const { grant, first } = recordGrant(ctx.state, { provider: 'google', email: account.email, clientId: r.clientId, scopes: granted }, now);
  const scopes = r.includeGrantedScopes ? grant.scopes : granted;
  const code = randomToken('4/0A', 36);
  ctx.state.codes.set(code, {
    code,
    provider: 'google',
    email: account.email,
    clientId: r.clientId,
    redirectUri: r.redirectUri,
    scopes,
    ...(r.codeChallenge ? { codeChallenge: r.codeChallenge, codeChallengeMethod: r.codeChallengeMethod! } : {}),
    issueRefreshToken: r.accessType === 'offline' && (first || r.prompts.includes('consent')),
    expiresAt: now + CODE_TTL_MS,
    used: false,
  });
  redirectTo(res, r.redirectUri, {
    state: r.state,
    code,
    scope: scopes.join(' '),
    authuser: '0',
    prompt: first || r.prompts.includes('consent') ? 'consent' : 'none',
  });
}

function deny(r: AuthorizeRequest, res: Response): void {
  redirectTo(res, r.redirectUri, { error: 'access_denied', state: r.state });
}

function handle(ctx: EmulatorContext, req: Request, res: Response, params: Record<string, unknown>, chosenEmail?: string): void {
  const parsed = parseAuthorizeRequest(ctx.state, params);
  if (!parsed.ok && 'page' in parsed) {
    res.status(parsed.page.status).type('html').send(errorPage(parsed.page.status, parsed.page.error, parsed.page.description));
    return;
  }
  if (!parsed.ok) {
    const r = parsed.redirect;
    return redirectTo(res, r.redirectUri, { error: r.error, error_description: r.description, state: r.state });
  }
  const r = parsed.req;
  const accounts = ctx.state.accounts.filter((a) => a.provider === 'google');
  const hinted = r.loginHint ? findAccount(ctx.state, 'google', r.loginHint) : undefined;
  if (chosenEmail !== undefined) {
    // Decision posted from the consent page.
    const account = findAccount(ctx.state, 'google', chosenEmail);
    if (params.decision !== 'allow' || !account) return deny(r, res);
    const ticked = params.granted === undefined ? [] : Array.isArray(params.granted) ? params.granted.map(String) : [String(params.granted)];
    return approve(ctx, r, account, res, r.scopes.filter((s) => ticked.includes(s)));
  }
  const account = hinted ?? accounts[0];
  if (r.prompts.includes('none')) {
    const granted = account && findGrant(ctx.state, { provider: 'google', email: account.email, clientId: r.clientId });
    if (!granted) return redirectTo(res, r.redirectUri, { error: 'consent_required', state: r.state });
    return approve(ctx, r, account!, res);
  }
  const mode = ctx.state.consent.google;
  if (mode === 'deny' || !account) return deny(r, res);
  const omit = ctx.state.consentOmitScopes.google;
  if (mode === 'auto') return approve(ctx, r, account, res, r.scopes.filter((s) => !omit.includes(s)));
  res.type('html').send(consentPage(r, accounts));
}

export function registerAuthorize(app: Express, ctx: EmulatorContext): void {
  app.get('/o/oauth2/v2/auth', ctx.route('google', 'authorize'), (req, res) => {
    handle(ctx, req, res, req.query as Record<string, unknown>);
  });
  app.post('/o/oauth2/v2/auth/decision', ctx.route('google', 'authorize'), (req, res) => {
    const b = (req.body ?? {}) as Record<string, unknown>;
    handle(ctx, req, res, b, typeof b.email === 'string' ? b.email : '');
  });
}
