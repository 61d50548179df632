// Owns the WebDAV / CalDAV properties each resource answers in PROPFIND and REPORT
// (RFC 4918 §15, RFC 4791 §5.2 and §6.2.1, RFC 5397, RFC 3744 §5.4, RFC 6578 §4, and
// CalendarServer's getctag). A property a resource does not have is answered 404 in its
// own propstat, as §9.1 asks; calendar-data is only ever given in a REPORT.
import type { EmulatorState } from '../core/types.js';
import { findAccount } from '../core/state.js';
import { bodyOf, calendarVersion, findObject, syncToken } from './store.js';
import { homeHref, principalHref, type Resource } from './resources.js';
import { CALDAV, CALSERVER, DAV, element, escapeXml, type PropStat } from './xml.js';

export interface PropContext {
  state: EmulatorState;
  /** The authenticated email. */
  user: string;
  resource: Resource;
  /** True inside a REPORT: calendar-data may be asked for. */
  inReport?: boolean;
}

type Render = (p: PropContext) => string | undefined;
const href = (path: string) => `<D:href>${escapeXml(path)}</D:href>`;
const privileges = (names: string[]) => names.map((n) => `<D:privilege>${n === 'read-free-busy' ? '<C:read-free-busy/>' : `<D:${n}/>`}</D:privilege>`).join('');
const READ = ['read', 'read-current-user-privilege-set', 'read-free-busy'];
const WRITE = ['write', 'write-properties', 'write-content', 'bind', 'unbind'];

const calendarOf = (r: Resource) => (r.kind === 'calendar' || r.kind === 'object' ? r.calendar : undefined);
const object = ({ state, resource: r }: PropContext) => (r.kind === 'object' ? findObject(state, r.calendar, r.name) : undefined);

const PROPS: Record<string, Render> = {
  [`${DAV}current-user-principal`]: (p) => href(principalHref(p.user)),
  [`${DAV}resourcetype`]: ({ resource: r }) =>
    r.kind === 'object' ? '' : r.kind === 'principal' ? '<D:collection/><D:principal/>' : r.kind === 'calendar' ? '<D:collection/><C:calendar/>' : '<D:collection/>',
  [`${DAV}displayname`]: ({ state, resource: r }) =>
    r.kind === 'calendar' ? escapeXml(r.calendar.name) : r.kind === 'principal' ? escapeXml(findAccount(state, 'caldav', r.email)?.name ?? r.email) : undefined,
  [`${DAV}principal-URL`]: ({ resource: r }) => (r.kind === 'principal' ? href(principalHref(r.email)) : undefined),
  [`${CALDAV}calendar-home-set`]: ({ resource: r }) => (r.kind === 'principal' ? href(homeHref(r.email)) : undefined),
  [`${CALDAV}calendar-user-address-set`]: ({ resource: r }) => (r.kind === 'principal' ? href(`mailto:${r.email}`) : undefined),
  [`${DAV}owner`]: ({ resource: r }) => (calendarOf(r) ? href(principalHref(calendarOf(r)!.ownerEmail)) : undefined),
  [`${DAV}current-user-privilege-set`]: ({ resource: r }) => privileges(calendarOf(r)?.canWrite ? [...READ, ...WRITE] : READ),
  [`${CALDAV}supported-calendar-component-set`]: ({ resource: r }) => (r.kind === 'calendar' ? '<C:comp name="VEVENT"/>' : undefined),
  [`${DAV}supported-report-set`]: ({ resource: r }) =>
    r.kind === 'calendar'
      ? ['<C:calendar-query/>', '<C:calendar-multiget/>', '<D:sync-collection/>'].map((x) => `<D:supported-report><D:report>${x}</D:report></D:supported-report>`).join('')
      : undefined,
  [`${CALSERVER}getctag`]: ({ state, resource: r }) => (r.kind === 'calendar' ? String(calendarVersion(state, r.calendar)) : undefined),
  [`${DAV}sync-token`]: ({ state, resource: r }) => (r.kind === 'calendar' ? escapeXml(syncToken(state, r.calendar)) : undefined),
  [`${DAV}getetag`]: (p) => (object(p) ? escapeXml(bodyOf(object(p)!).etag) : undefined),
  [`${DAV}getcontenttype`]: (p) => (object(p) ? 'text/calendar; charset=utf-8; component=vevent' : undefined),
  // CR as a character reference: XML parsers turn a raw CRLF into LF (XML 1.0 §2.11), and the
  // client must get back the very text it PUT.
  [`${CALDAV}calendar-data`]: (p) => (p.inReport && object(p) ? escapeXml(bodyOf(object(p)!).ics).replace(/\r/g, '&#13;') : undefined),
};

/** The propstats for the asked properties ({ns, local}); `all` = allprop (RFC 4918 §14.2). */
export function propStats(p: PropContext, asked: { ns: string; local: string }[] | 'all'): PropStat[] {
  const list = asked === 'all' ? Object.keys(PROPS).filter((k) => !k.endsWith('calendar-data')).map(splitKey) : asked;
  const found: string[] = [];
  const missing: string[] = [];
  for (const { ns, local } of list) {
    const value = PROPS[`${ns}${local}`]?.(p);
    if (value === undefined) {
      if (asked !== 'all') missing.push(element(ns, local));
    } else found.push(element(ns, local, value));
  }
  return [
    { status: 200, props: found },
    { status: 404, props: missing },
  ];
}

function splitKey(key: string): { ns: string; local: string } {
  for (const ns of [CALDAV, CALSERVER, DAV]) if (key.startsWith(ns)) return { ns, local: key.slice(ns.length) };
  throw new Error(`unknown property key ${key}`);
}

