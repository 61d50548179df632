// Owns /tokeninfo (OAuth2Client.getTokenInfo, endpoint `tokenInfoUrl`): what an access token
// is worth (user, client, scopes, remaining lifetime); 400 invalid_token once unusable.
import type { Express, Request, Response } from 'express';
import type { EmulatorContext } from '../../core/context.js';
import { authenticate } from '../../core/tokens.js';
import { findAccount } from '../../core/state.js';

function tokenOf(req: Request): string | undefined {
  const bearer = /^Bearer\s+(\S+)$/i.exec(req.headers.authorization ?? '');
  if (bearer) return bearer[1];
  const q = req.query as Record<string, unknown>;
  const b = (req.body ?? {}) as Record<string, unknown>;
  const t = q.access_token ?? b.access_token;
  return typeof t === 'string' ? t : undefined;
}

export function registerTokenInfo(app: Express, ctx: EmulatorContext): void {
  const handle = (req: Request, res: Response) => {
    const token = tokenOf(req);
    const now = ctx.clock.now();
    const at = token ? authenticate(ctx.state, 'google', token, now) : undefined;
    if (!at) return void res.status(400).json({ error: 'invalid_token', error_description: 'Invalid Value' });
    res.locals.user = at.email;
    const account = findAccount(ctx.state, 'google', at.email)!;
    res.json({
      azp: at.clientId,
      aud: at.clientId,
      sub: account.id.replace(/-/g, ''),
      scope: at.scopes.join(' '),
      exp: String(Math.floor(at.expiresAt / 1000)),
      expires_in: Math.max(0, Math.floor((at.expiresAt - now) / 1000)),
      email: at.email,
      email_verified: 'true',
    });
  };
  app.get('/tokeninfo', ctx.route('google', 'tokeninfo'), handle);
  app.post('/tokeninfo', ctx.route('google', 'tokeninfo'), handle);
}
