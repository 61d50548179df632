// Owns POST /revoke (provider-apis.md A1.5): the token comes in the query (google-auth-library)
// or the form body; revoking an access or a refresh token revokes the whole grant.
import type { Express } from 'express';
import type { EmulatorContext } from '../../core/context.js';
import { revokeGrants } from '../../core/tokens.js';

export function registerRevoke(app: Express, ctx: EmulatorContext): void {
  app.post('/revoke', ctx.route('google', 'revoke'), (req, res) => {
    const q = req.query as Record<string, unknown>;
    const b = (req.body ?? {}) as Record<string, unknown>;
    const token = typeof q.token === 'string' ? q.token : typeof b.token === 'string' ? b.token : undefined;
    const now = ctx.clock.now();
    const at = token ? ctx.state.accessTokens.get(token) : undefined;
    const rt = token ? ctx.state.refreshTokens.get(token) : undefined;
    const owner = at && at.provider === 'google' && at.expiresAt > now ? at : rt && rt.provider === 'google' && !rt.revoked ? rt : undefined;
    if (!owner) {
      res.status(400).json({ error: 'invalid_token', error_description: 'Token expired or revoked' });
      return;
    }
    res.locals.user = owner.email;
    revokeGrants(ctx.state, 'google', owner.email, owner.clientId);
    res.status(200).json({});
  });
}
