// Owns the CalDAV-only control route: setting an account's app-specific password (the way a
// test revokes the password a connection stored, or a person picks their own).
import type { Express } from 'express';
import type { EmulatorContext } from '../core/context.js';
import { findAccount } from '../core/state.js';
import { body, ControlInputError, guarded, str } from '../core/control/validate.js';
import { setAppPassword } from './auth.js';

export function registerCalDavControl(httpApp: Express, ctx: EmulatorContext): void {
  httpApp.post('/_emulator/caldav/app-password', guarded((req, res) => {
    const b = body(req);
    const email = str(b.email, 'email');
    if (!findAccount(ctx.state, 'caldav', email)) throw new ControlInputError(`no caldav account ${email}`);
    setAppPassword(ctx.state, email, str(b.password, 'password'));
    res.json({ email });
  }));
}
