// Finding a person's calendars on a CalDAV server (RFC 4791, RFC 5397, RFC 6764): the
// well-known redirect, the current-user-principal, its calendar-home-set, then the calendars
// below it with the privileges the person holds there. All requests through tsdav.
import type { ProviderCalendar } from '@fs/contracts';
import { propfind, serviceDiscovery, type DAVResponse } from 'tsdav';
import { ProviderError } from '../provider-error';
import { caldavStatusError } from './caldav-error.mapper';
import type { CalDavCredentials } from './caldav-credentials';
import type { CalDavSession } from './caldav-http';

const WRITE_PRIVILEGES = ['write', 'writeContent', 'all', 'bind'];

export async function discoverCalendars(credentials: CalDavCredentials, session: CalDavSession): Promise<ProviderCalendar[]> {
  const { headers, fetch } = session;
  const account = { accountType: 'caldav' as const, serverUrl: credentials.serverUrl };
  const rootUrl = await serviceDiscovery({ account, headers, fetch });
  const principal = await one(propfind({ url: rootUrl, props: { 'd:current-user-principal': {} }, depth: '0', headers, fetch }), 'principal');
  const principalUrl = absolute(hrefOf(principal.props?.currentUserPrincipal) ?? rootUrl, rootUrl);
  const home = await one(
    propfind({ url: principalUrl, props: { 'c:calendar-home-set': {} }, depth: '0', headers, fetch }),
    'calendar home',
  );
  const homeUrl = absolute(hrefOf(home.props?.calendarHomeSet) ?? principalUrl, principalUrl);
  const listing = await propfind({
    url: homeUrl,
    props: { 'd:displayname': {}, 'd:resourcetype': {}, 'd:current-user-privilege-set': {}, 'c:supported-calendar-component-set': {} },
    depth: '1',
    headers,
    fetch,
  });
  failOn(listing[0], 'calendar list');
  // CalDAV has no "primary" calendar (schedule-default-calendar-URL is about invitations):
  // none is marked, and the person picks one.
  return listing.filter((r) => r.ok && isEventCalendar(r)).map((r) => toCalendar(r, homeUrl));
}

async function one(request: Promise<DAVResponse[]>, what: string): Promise<DAVResponse> {
  const [response] = await request;
  failOn(response, what);
  return response!;
}

function failOn(response: DAVResponse | undefined, what: string): void {
  if (!response) throw new ProviderError('PERMANENT', `${what}: empty answer`);
  if (!response.ok && response.status !== 207) throw caldavStatusError(response.status, `PROPFIND ${what}`);
}

function isEventCalendar(response: DAVResponse): boolean {
  if (!('calendar' in (response.props?.resourcetype ?? {}))) return false;
  // Absent means "any component" (RFC 4791 §5.2.3); present, it must list VEVENT.
  const set = response.props?.supportedCalendarComponentSet;
  return !set || JSON.stringify(set).includes('VEVENT');
}

function toCalendar(response: DAVResponse, homeUrl: string): ProviderCalendar {
  const url = absolute(response.href ?? '', homeUrl);
  const name = typeof response.props?.displayname === 'string' && response.props.displayname ? response.props.displayname : lastSegment(url);
  const privileges = keysDeep(response.props?.currentUserPrivilegeSet);
  return { id: url, name, primary: false, canWrite: WRITE_PRIVILEGES.some((p) => privileges.includes(p)) };
}

/** Every key in tsdav's parsed XML (objects and arrays of objects): privilege names, component tags. */
function keysDeep(value: unknown): string[] {
  if (Array.isArray(value)) return value.flatMap(keysDeep);
  if (value && typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => [k, ...keysDeep(v)]);
  return [];
}

function hrefOf(value: unknown): string | undefined {
  const href = (value as { href?: unknown } | undefined)?.href;
  return typeof href === 'string' ? href : Array.isArray(href) && typeof href[0] === 'string' ? href[0] : undefined;
}

const absolute = (href: string, base: string) => new URL(href, base).href;
const lastSegment = (url: string) => decodeURIComponent(new URL(url).pathname.split('/').filter(Boolean).pop() ?? url);
