// Owns the URL layout of the CalDAV server and what each path names:
//
//   /  and /caldav/                        the service root (answers current-user-principal)
//   /caldav/principals/{email}/            a person's principal (RFC 5397, RFC 4791 §6.2.1)
//   /caldav/calendars/{email}/             their calendar home (calendar-home-set)
//   /caldav/calendars/{email}/{calendar}/  a calendar collection (the emulator calendar's id)
//   /caldav/calendars/{email}/{calendar}/{name}.ics   a calendar object resource
//
// Hrefs are absolute paths; the email stays as typed ('@' is allowed in a path segment).
import type { Calendar, EmulatorState } from '../core/types.js';
import { calendarsOf, findAccount } from '../core/state.js';

export const ROOT = '/caldav/';
export const principalHref = (email: string) => `${ROOT}principals/${email}/`;
export const homeHref = (email: string) => `${ROOT}calendars/${email}/`;
export const calendarHref = (calendar: Calendar) => `${homeHref(calendar.ownerEmail)}${calendar.id}/`;
export const objectHref = (calendar: Calendar, name: string) => `${calendarHref(calendar)}${name}`;

export type Resource =
  | { kind: 'root' }
  | { kind: 'principal'; email: string }
  | { kind: 'home'; email: string }
  | { kind: 'calendar'; calendar: Calendar }
  | { kind: 'object'; calendar: Calendar; name: string }
  /** A path that names nothing yet: a PUT target in no calendar, an unknown member. */
  | { kind: 'none'; owner?: string };

/** The resource at `path` (already percent-decoded), as seen by nobody in particular. */
export function resolve(state: EmulatorState, path: string): Resource {
  if (path === '/' || path === ROOT || path === ROOT.slice(0, -1)) return { kind: 'root' };
  const segments = path.slice(ROOT.length).split('/').filter(Boolean);
  if (!path.startsWith(ROOT) || segments.length < 2) return { kind: 'none' };
  const [area, email, calendarId, name, ...rest] = segments as [string, string, string?, string?, ...string[]];
  const account = findAccount(state, 'caldav', email);
  if (!account || rest.length > 0) return { kind: 'none' };
  if (area === 'principals') return calendarId ? { kind: 'none' } : { kind: 'principal', email: account.email };
  if (area !== 'calendars') return { kind: 'none' };
  if (!calendarId) return { kind: 'home', email: account.email };
  const calendar = calendarsOf(state, 'caldav', account.email).find((c) => c.id === calendarId);
  if (!calendar) return { kind: 'none', owner: account.email };
  return name ? { kind: 'object', calendar, name } : { kind: 'calendar', calendar };
}

/** Whose resource this is (undefined: the shared root). A person reaches only their own. */
export function ownerOf(resource: Resource): string | undefined {
  switch (resource.kind) {
    case 'root':
      return undefined;
    case 'principal':
    case 'home':
      return resource.email;
    case 'calendar':
    case 'object':
      return resource.calendar.ownerEmail;
    case 'none':
      return resource.owner;
  }
}

/** A request URL's path, percent-decoded ('%40' and '@' are the same email). */
export function decodedPath(url: string): string {
  const path = url.split('?')[0]!;
  try {
    return decodeURIComponent(path);
  } catch {
    return path;
  }
}
