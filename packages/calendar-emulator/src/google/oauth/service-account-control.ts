// Owns the control routes of service accounts (HTTP origin, under /_emulator/google/):
//   POST   /service-accounts            {name?, delegatedScopes?: string[]}: registers one; answers its
//                                       JSON key (Cloud console "Keys > Add key > JSON")
//   POST   /service-accounts/delegation {clientId | clientEmail, scopes: string[]}: the Admin console's
//                                       domain-wide delegation for that client id ([] removes it)
//   DELETE /service-accounts/key        {clientId | clientEmail}: the key is deleted (signatures fail)
//   GET    /service-accounts            the accounts (never a private key)
import type { Express, Request, Response } from 'express';
import type { EmulatorContext } from '../../core/context.js';
import { createServiceAccount, findServiceAccount, serviceAccounts } from './service-accounts.js';

type Body = Record<string, unknown>;
const strings = (v: unknown) => (Array.isArray(v) && v.every((s) => typeof s === 'string') ? (v as string[]) : undefined);

export function registerServiceAccountControl(app: Express, ctx: EmulatorContext): void {
  const base = '/_emulator/google/service-accounts';
  const target = (b: Body) => {
    const id = typeof b.clientId === 'string' ? b.clientId : typeof b.clientEmail === 'string' ? b.clientEmail : '';
    return findServiceAccount(ctx, id);
  };
  app.post(base, (req: Request, res: Response) => {
    const b = (req.body ?? {}) as Body;
    const name = typeof b.name === 'string' && /^[a-z][a-z0-9-]{4,28}[a-z0-9]$/.test(b.name) ? b.name : 'calendar-sync';
    res.json(createServiceAccount(ctx, name, strings(b.delegatedScopes) ?? []));
  });
  app.post(`${base}/delegation`, (req: Request, res: Response) => {
    const b = (req.body ?? {}) as Body;
    const account = target(b);
    const scopes = strings(b.scopes);
    if (!account || !scopes) return void res.status(400).json({ error: 'give clientId or clientEmail of a service account, and scopes: string[]' });
    account.delegatedScopes = scopes;
    res.json({ clientId: account.clientId, delegatedScopes: scopes });
  });
  app.delete(`${base}/key`, (req: Request, res: Response) => {
    const account = target((req.body ?? {}) as Body);
    if (!account) return void res.status(400).json({ error: 'no such service account' });
    account.keyDeleted = true;
    res.json({ clientId: account.clientId, keyDeleted: true });
  });
  app.get(base, (_req: Request, res: Response) => {
    res.json({ serviceAccounts: serviceAccounts(ctx).map(({ publicKeyPem: _k, ...rest }) => rest) });
  });
}
