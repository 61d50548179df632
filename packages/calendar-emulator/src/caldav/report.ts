// Owns REPORT on a calendar: calendar-query with a VEVENT time-range filter (RFC 4791 §7.8,
// §9.9), calendar-multiget (§7.9) and sync-collection (RFC 6578 §3). Each answers the asked
// properties of the matching objects; calendar-data is the text as the client PUT it.
import type { Request, Response } from 'express';
import type { Calendar, EmulatorState } from '../core/types.js';
import { overlaps, parseUtc } from './icalendar.js';
import { propStats } from './properties.js';
import { decodedPath, objectHref, resolve } from './resources.js';
import { calendarVersion, findObject, objectsOf, SYNC_TOKEN_PREFIX, syncToken } from './store.js';
import { CALDAV, child, childrenOf, DAV, element, errorBody, escapeXml, is, multistatus, type MultiResponse, type XmlNode } from './xml.js';
import { sendXml } from './dav-http.js';

export function report(_req: Request, res: Response, state: EmulatorState, calendar: Calendar, body: XmlNode | undefined): void {
  const user = res.locals.user as string;
  const asked = child(body, DAV, 'prop')?.children.map(({ ns, local }) => ({ ns, local })) ?? [{ ns: DAV, local: 'getetag' }];
  const answer = (name: string): MultiResponse => ({
    href: objectHref(calendar, name),
    propstats: propStats({ state, user, resource: { kind: 'object', calendar, name }, inReport: true }, asked),
  });
  if (is(body, CALDAV, 'calendar-query')) {
    const names = objectsOf(state, calendar).filter((e) => matchesFilter(child(body, CALDAV, 'filter'), String(e.body.ics))).map((e) => e.id);
    return sendXml(res, 207, multistatus(names.map(answer)));
  }
  if (is(body, CALDAV, 'calendar-multiget')) {
    const responses = childrenOf(body, DAV, 'href').map((h): MultiResponse => {
      const target = resolve(state, decodedPath(h.text.trim().replace(/^https?:\/\/[^/]+/, '')));
      const found = target.kind === 'object' && target.calendar.id === calendar.id && findObject(state, calendar, target.name);
      return found ? answer(target.name) : { href: h.text.trim(), status: 404 };
    });
    return sendXml(res, 207, multistatus(responses));
  }
  if (is(body, DAV, 'sync-collection')) return syncCollection(res, state, calendar, body!, answer);
  sendXml(res, 403, errorBody('<D:supported-report/>'));
}

/** VCALENDAR > VEVENT > optional time-range; a filter on any other component matches nothing. */
function matchesFilter(filter: XmlNode | undefined, ics: string): boolean {
  const calendarFilter = child(filter, CALDAV, 'comp-filter');
  if (!calendarFilter) return true;
  if (calendarFilter.attrs.name?.toUpperCase() !== 'VCALENDAR') return false;
  const componentFilter = child(calendarFilter, CALDAV, 'comp-filter');
  if (!componentFilter) return true;
  if (componentFilter.attrs.name?.toUpperCase() !== 'VEVENT') return false;
  const range = child(componentFilter, CALDAV, 'time-range');
  return !range || overlaps(ics, parseUtc(range.attrs.start), parseUtc(range.attrs.end));
}

/** Changes since the token (all live objects for an empty one); removals as 404 responses. */
function syncCollection(res: Response, state: EmulatorState, calendar: Calendar, body: XmlNode, answer: (name: string) => MultiResponse): void {
  const token = child(body, DAV, 'sync-token')?.text.trim() ?? '';
  const since = token === '' ? 0 : token.startsWith(SYNC_TOKEN_PREFIX) ? Number(token.slice(SYNC_TOKEN_PREFIX.length)) : NaN;
  // A token we never issued, or one from the future (a reset emulator), is invalid (§3.2).
  if (!Number.isInteger(since) || since < 0 || since > calendarVersion(state, calendar)) {
    return sendXml(res, 403, errorBody('<D:valid-sync-token/>'));
  }
  const changed = objectsOf(state, calendar, true).filter((e) => e.changeSeq > since && !(since === 0 && e.deleted));
  const responses = changed.map((e): MultiResponse => (e.deleted ? { href: objectHref(calendar, e.id), status: 404 } : answer(e.id)));
  sendXml(res, 207, multistatus(responses, element(DAV, 'sync-token', escapeXml(syncToken(state, calendar)))));
}
