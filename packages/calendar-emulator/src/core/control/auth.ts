// Owns the control routes that act on authorization: consent mode, grant revocation,
// access-token expiry, and moving the emulator clock.
import type { Router } from 'express';
import type { EmulatorContext } from '../context.js';
import type { ConsentMode } from '../types.js';
import { expireAccessTokens, revokeGrants } from '../tokens.js';
import { body, guarded, num, optionalProviders, provider, str, ControlInputError } from './validate.js';

const MODES: ConsentMode[] = ['auto', 'deny', 'page'];

export function registerAuthRoutes(router: Router, ctx: EmulatorContext): void {
  router.post('/consent', guarded((req, res) => {
    const b = body(req);
    const mode = b.mode as ConsentMode;
    if (!MODES.includes(mode)) throw new ControlInputError(`mode must be one of ${MODES.join(', ')}`);
    const omit = Array.isArray(b.omitScopes) ? b.omitScopes.map(String) : [];
    for (const p of optionalProviders(b.provider)) {
      ctx.state.consent[p] = mode;
      ctx.state.consentOmitScopes[p] = omit;
    }
    res.json({ consent: ctx.state.consent, omitScopes: ctx.state.consentOmitScopes });
  }));

  router.post('/grants/revoke', guarded((req, res) => {
    const b = body(req);
    const clientId = typeof b.clientId === 'string' ? b.clientId : undefined;
    const revoked = revokeGrants(ctx.state, provider(b.provider), str(b.email, 'email'), clientId);
    res.json({ revoked });
  }));

  router.post('/tokens/expire', guarded((req, res) => {
    const b = body(req);
    const expired = expireAccessTokens(ctx.state, provider(b.provider), str(b.email, 'email'), ctx.clock.now());
    res.json({ expired });
  }));

  router.post('/clock/advance', guarded((req, res) => {
    ctx.clock.advance(num(body(req).ms, 'ms'));
    res.json({ now: new Date(ctx.clock.now()).toISOString() });
  }));
}
