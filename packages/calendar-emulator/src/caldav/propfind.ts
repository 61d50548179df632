// Owns PROPFIND (RFC 4918 §9.1): the asked properties of a resource and, at Depth 1, of its
// members (a home's calendars, a calendar's objects). Depth infinity is refused with
// propfind-finite-depth, as §9.1 allows and most CalDAV servers do.
import type { Request, Response } from 'express';
import type { EmulatorState } from '../core/types.js';
import { calendarsOf } from '../core/state.js';
import { propStats } from './properties.js';
import { calendarHref, homeHref, objectHref, principalHref, ROOT, type Resource } from './resources.js';
import { objectsOf } from './store.js';
import { child, DAV, errorBody, multistatus, type MultiResponse, type XmlNode } from './xml.js';
import { sendXml } from './dav-http.js';

export function propfind(req: Request, res: Response, state: EmulatorState, resource: Resource, body: XmlNode | undefined): void {
  const depth = String(req.headers.depth ?? 'infinity');
  if (depth !== '0' && depth !== '1') return sendXml(res, 403, errorBody('<D:propfind-finite-depth/>'));
  const prop = child(body, DAV, 'prop');
  const asked = prop ? prop.children.map(({ ns, local }) => ({ ns, local })) : 'all';
  const user = res.locals.user as string;
  const members = depth === '1' ? membersOf(state, resource) : [];
  const responses: MultiResponse[] = [{ resource, href: hrefOf(resource, req) }, ...members].map((m) => ({
    href: m.href,
    propstats: propStats({ state, user, resource: m.resource }, asked),
  }));
  sendXml(res, 207, multistatus(responses));
}

function membersOf(state: EmulatorState, resource: Resource): { resource: Resource; href: string }[] {
  if (resource.kind === 'home') {
    return calendarsOf(state, 'caldav', resource.email).map((calendar) => ({ resource: { kind: 'calendar', calendar }, href: calendarHref(calendar) }));
  }
  if (resource.kind === 'calendar') {
    return objectsOf(state, resource.calendar).map((e) => ({ resource: { kind: 'object', calendar: resource.calendar, name: e.id }, href: objectHref(resource.calendar, e.id) }));
  }
  return [];
}

function hrefOf(resource: Resource, req: Request): string {
  switch (resource.kind) {
    case 'principal':
      return principalHref(resource.email);
    case 'home':
      return homeHref(resource.email);
    case 'calendar':
      return calendarHref(resource.calendar);
    case 'object':
      return objectHref(resource.calendar, resource.name);
    default:
      return req.path === '/' ? '/' : ROOT;
  }
}
