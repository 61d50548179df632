// Owns the control routes that shape who exists: accounts, extra calendars, OAuth clients.
import type { Router } from 'express';
import type { EmulatorContext } from '../context.js';
import { addAccount, addCalendar, findAccount } from '../state.js';
import { body, guarded, optionalProviders, provider, str, ControlInputError } from './validate.js';

export function registerAccountRoutes(router: Router, ctx: EmulatorContext): void {
  router.get('/accounts', (_req, res) => {
    res.json({ accounts: ctx.state.accounts });
  });

  router.post('/accounts', guarded((req, res) => {
    const b = body(req);
    const email = str(b.email, 'email');
    const name = typeof b.name === 'string' ? b.name : email.split('@')[0]!;
    const accounts = optionalProviders(b.provider).map((p) => addAccount(ctx.state, p, email, name));
    res.status(201).json({ accounts });
  }));

  router.post('/calendars', guarded((req, res) => {
    const b = body(req);
    const p = provider(b.provider);
    const email = str(b.email, 'email');
    if (!findAccount(ctx.state, p, email)) throw new ControlInputError(`no ${p} account ${email}`);
    const calendar = addCalendar(ctx.state, p, email, str(b.name, 'name'), b.canWrite !== false);
    res.status(201).json({ calendar });
  }));

  router.get('/clients', (_req, res) => {
    res.json({ clients: ctx.state.clients });
  });

  router.post('/clients', guarded((req, res) => {
    const b = body(req);
    const p = provider(b.provider);
    const clientId = str(b.clientId, 'clientId');
    const clientSecret = str(b.clientSecret, 'clientSecret');
    const redirectUris = Array.isArray(b.redirectUris) ? b.redirectUris.map(String) : [];
    if (redirectUris.length === 0) throw new ControlInputError('redirectUris must list at least one URI');
    ctx.state.clients = ctx.state.clients.filter((c) => !(c.provider === p && c.clientId === clientId));
    const client = { provider: p, clientId, clientSecret, redirectUris, lenient: false };
    ctx.state.clients.push(client);
    res.status(201).json({ client });
  }));
}
