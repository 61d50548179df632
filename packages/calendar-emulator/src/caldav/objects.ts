// Owns GET, PUT and DELETE of calendar object resources (RFC 4791 §5.3.2, RFC 4918 §9.6-9.7):
// conditional writes on the ETag (If-None-Match: * creates only, If-Match replaces or deletes
// only the copy the client saw, else 412), the CalDAV preconditions on what is PUT (403 with
// the condition named), 403 need-privileges on a read-only calendar.
import type { Request, Response } from 'express';
import type { Calendar, EmulatorState } from '../core/types.js';
import { CalendarDataError, parseObject } from './icalendar.js';
import { objectHref } from './resources.js';
import { bodyOf, deleteObject, findObject, objectsOf, writeObject } from './store.js';
import { errorBody, escapeXml } from './xml.js';
import { preconditionFails, sendXml } from './dav-http.js';

const forbiddenWrite = (res: Response, calendar: Calendar) =>
  sendXml(res, 403, errorBody(`<D:need-privileges><D:resource><D:href>${escapeXml(objectHref(calendar, ''))}</D:href><D:privilege><D:bind/></D:privilege></D:resource></D:need-privileges>`));

export function getObject(req: Request, res: Response, state: EmulatorState, calendar: Calendar, name: string): void {
  const event = findObject(state, calendar, name);
  if (!event) return void res.status(404).type('text/plain').send('Not Found');
  const body = bodyOf(event);
  res.setHeader('ETag', body.etag);
  res.status(200).type('text/calendar; charset=utf-8');
  if (req.method === 'HEAD') return void res.end();
  res.send(body.ics);
}

export function putObject(req: Request, res: Response, state: EmulatorState, calendar: Calendar, name: string): void {
  if (!calendar.canWrite) return forbiddenWrite(res, calendar);
  if (!/^text\/calendar\b/i.test(req.headers['content-type'] ?? '')) {
    return sendXml(res, 403, errorBody('<C:supported-calendar-data/>'));
  }
  const existing = findObject(state, calendar, name);
  if (preconditionFails(req.headers, existing && bodyOf(existing).etag)) return void res.status(412).type('text/plain').send('Precondition Failed');
  const ics = typeof req.body === 'string' ? req.body : '';
  let parsed;
  try {
    parsed = parseObject(ics);
  } catch (error) {
    if (error instanceof CalendarDataError) return sendXml(res, 403, errorBody(`<C:${error.condition}/>`));
    throw error;
  }
  // One UID per calendar (§5.3.2.1 no-uid-conflict): the other resource is named.
  const clash = objectsOf(state, calendar).find((e) => e.id !== name && bodyOf(e).uid === parsed.uid);
  if (clash) return sendXml(res, 403, errorBody(`<C:no-uid-conflict><D:href>${escapeXml(objectHref(calendar, clash.id))}</D:href></C:no-uid-conflict>`));
  const written = writeObject(state, calendar, name, ics, parsed);
  res.setHeader('ETag', bodyOf(written).etag);
  res.status(existing ? 204 : 201).end();
}

export function removeObject(req: Request, res: Response, state: EmulatorState, calendar: Calendar, name: string): void {
  if (!calendar.canWrite) return forbiddenWrite(res, calendar);
  const existing = findObject(state, calendar, name);
  if (!existing) return void res.status(404).type('text/plain').send('Not Found');
  if (preconditionFails(req.headers, bodyOf(existing).etag)) return void res.status(412).type('text/plain').send('Precondition Failed');
  deleteObject(state, existing);
  res.status(204).end();
}
