// Owns the dispatch of one CalDAV request once authenticated: which resource the path names,
// whether this person may reach it (only their own principal, home and calendars: 403
// otherwise), and which method handler answers. Unknown methods get 405 with Allow.
import type { Request, Response } from 'express';
import type { EmulatorContext } from '../core/context.js';
import { CalendarDataError } from './icalendar.js';
import { getObject, putObject, removeObject } from './objects.js';
import { propfind } from './propfind.js';
import { report } from './report.js';
import { decodedPath, ownerOf, resolve } from './resources.js';
import { errorBody, parseXml, XmlBodyError } from './xml.js';
import { sendXml } from './dav-http.js';

export const ALLOW = 'OPTIONS, GET, HEAD, PUT, DELETE, PROPFIND, REPORT';

export function handleDav(ctx: EmulatorContext) {
  return (req: Request, res: Response): void => {
    const state = ctx.state;
    const resource = resolve(state, decodedPath(req.originalUrl));
    const owner = ownerOf(resource);
    if (owner !== undefined && owner !== res.locals.user) return void res.status(403).type('text/plain').send('Forbidden');
    const text = typeof req.body === 'string' ? req.body : '';
    try {
      switch (req.method) {
        case 'OPTIONS':
          // RFC 4791 §5.1: "calendar-access" in DAV says this server speaks CalDAV.
          return void res.set({ DAV: '1, 3, calendar-access', Allow: ALLOW }).status(200).end();
        case 'PROPFIND':
          if (resource.kind === 'none') return notFound(res);
          return propfind(req, res, state, resource, parseXml(text));
        case 'REPORT':
          if (resource.kind !== 'calendar') return notFound(res);
          return report(req, res, state, resource.calendar, parseXml(text));
        case 'GET':
        case 'HEAD':
          if (resource.kind !== 'object') return notFound(res);
          return getObject(req, res, state, resource.calendar, resource.name);
        case 'PUT':
          // RFC 4918 §9.7.1: a PUT into a collection that does not exist is 409.
          if (resource.kind !== 'object') return void res.status(409).type('text/plain').send('Conflict');
          return putObject(req, res, state, resource.calendar, resource.name);
        case 'DELETE':
          if (resource.kind !== 'object') return void res.status(resource.kind === 'none' ? 404 : 403).type('text/plain').end();
          return removeObject(req, res, state, resource.calendar, resource.name);
        default:
          return void res.set('Allow', ALLOW).status(405).type('text/plain').send('Method Not Allowed');
      }
    } catch (error) {
      if (error instanceof XmlBodyError) return void res.status(400).type('text/plain').send(error.message);
      if (error instanceof CalendarDataError) return sendXml(res, 403, errorBody(`<C:${error.condition}/>`));
      throw error;
    }
  };
}

const notFound = (res: Response) => void res.status(404).type('text/plain').send('Not Found');
