// Owns who a CalDAV request acts as: HTTP Basic (RFC 7617) with the account's email and its
// app-specific password, as iCloud, Fastmail and Nextcloud ask of a CalDAV client. Every
// seeded account starts with the demo password; POST /_emulator/caldav/app-password sets
// another (the old one stops working at once: a password revoked at the server). A wrong
// or missing password is 401 with a Basic challenge.
import type { RequestHandler } from 'express';
import type { EmulatorState } from '../core/types.js';
import { findAccount } from '../core/state.js';

export const CALDAV_DEMO_PASSWORD = 'caldav-demo-password';
export const REALM = 'calendar-emulator CalDAV';

function passwords(state: EmulatorState): Record<string, string> {
  return ((state.ext.caldav.appPasswords as Record<string, string> | undefined) ??= {});
}

export function setAppPassword(state: EmulatorState, email: string, password: string): void {
  passwords(state)[email.toLowerCase()] = password;
}

const appPasswordOf = (state: EmulatorState, email: string) => passwords(state)[email.toLowerCase()] ?? CALDAV_DEMO_PASSWORD;

/** The account's email for good credentials, else undefined. */
export function authenticate(state: EmulatorState, header: string | undefined): string | undefined {
  const m = /^Basic\s+([A-Za-z0-9+/=]+)$/i.exec(header ?? '');
  if (!m) return undefined;
  const decoded = Buffer.from(m[1]!, 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon < 0) return undefined;
  const account = findAccount(state, 'caldav', decoded.slice(0, colon));
  if (!account || decoded.slice(colon + 1) !== appPasswordOf(state, account.email)) return undefined;
  return account.email;
}

/** Sets res.locals.user (the email) or answers 401 with the Basic challenge. */
export function basicAuth(getState: () => EmulatorState): RequestHandler {
  return (req, res, next) => {
    const email = authenticate(getState(), req.headers.authorization);
    if (email) {
      res.locals.user = email;
      return next();
    }
    res.setHeader('WWW-Authenticate', `Basic realm="${REALM}", charset="UTF-8"`);
    res.status(401).type('text/plain').send('Unauthorized');
  };
}
