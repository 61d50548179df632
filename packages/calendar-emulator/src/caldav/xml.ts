// Owns WebDAV's XML on the wire (RFC 4918 §14): request bodies parsed with xml-js into
// elements named by namespace URI (clients pick their own prefixes: `d:`, `D:`, none), and
// the 207 Multi-Status answers (§13), written with fixed prefixes and escaped text.
import { xml2js, type Element } from 'xml-js';

export const DAV = 'DAV:';
export const CALDAV = 'urn:ietf:params:xml:ns:caldav';
/** Apple's namespace for `getctag` (CalendarServer's ctag extension; tsdav asks for it). */
export const CALSERVER = 'http://calendarserver.org/ns/';

export interface XmlNode {
  ns: string;
  local: string;
  attrs: Record<string, string>;
  children: XmlNode[];
  text: string;
}

export class XmlBodyError extends Error {}

/** Parses a request body; an empty body is undefined (allowed for PROPFIND: allprop). */
export function parseXml(body: string): XmlNode | undefined {
  if (!body.trim()) return undefined;
  let doc: Element;
  try {
    doc = xml2js(body, { compact: false }) as Element;
  } catch (error) {
    throw new XmlBodyError(`malformed XML: ${(error as Error).message.split('\n')[0]}`);
  }
  const root = doc.elements?.find((e) => e.type === 'element');
  if (!root) throw new XmlBodyError('no root element');
  return resolve(root, {});
}

function resolve(element: Element, inherited: Record<string, string>): XmlNode {
  const scope = { ...inherited };
  const attrs: Record<string, string> = {};
  for (const [name, value] of Object.entries(element.attributes ?? {})) {
    if (name === 'xmlns') scope[''] = String(value);
    else if (name.startsWith('xmlns:')) scope[name.slice(6)] = String(value);
    else attrs[name] = String(value);
  }
  const [prefix, local] = element.name!.includes(':') ? element.name!.split(':', 2) : ['', element.name!];
  const children = (element.elements ?? []).filter((e) => e.type === 'element').map((e) => resolve(e, scope));
  const text = (element.elements ?? []).filter((e) => e.type === 'text' || e.type === 'cdata').map((e) => String(e.text ?? e.cdata ?? '')).join('');
  return { ns: scope[prefix!] ?? '', local: local!, attrs, children, text };
}

export const is = (node: XmlNode | undefined, ns: string, local: string): boolean => node?.ns === ns && node.local === local;
export const child = (node: XmlNode | undefined, ns: string, local: string): XmlNode | undefined => node?.children.find((c) => is(c, ns, local));
export const childrenOf = (node: XmlNode | undefined, ns: string, local: string): XmlNode[] => node?.children.filter((c) => is(c, ns, local)) ?? [];

export const escapeXml = (s: string): string =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c]!);

const PREFIX: Record<string, string> = { [DAV]: 'D', [CALDAV]: 'C', [CALSERVER]: 'CS' };

/** `<C:name>inner</C:name>`, or a locally declared prefix for a namespace we do not know. */
export function element(ns: string, local: string, inner = ''): string {
  const prefix = PREFIX[ns];
  const open = prefix ? `${prefix}:${local}` : `X:${local} xmlns:X="${escapeXml(ns)}"`;
  const close = prefix ? `${prefix}:${local}` : `X:${local}`;
  return inner === '' ? `<${open}/>` : `<${open}>${inner}</${close}>`;
}

export interface PropStat {
  status: number;
  /** Ready-made property elements. */
  props: string[];
}

export type MultiResponse = { href: string; propstats: PropStat[] } | { href: string; status: number };

const STATUS_TEXT: Record<number, string> = { 200: 'OK', 403: 'Forbidden', 404: 'Not Found' };
const statusLine = (status: number) => `HTTP/1.1 ${status} ${STATUS_TEXT[status] ?? ''}`.trimEnd();

export function multistatus(responses: MultiResponse[], extra = ''): string {
  const body = responses
    .map((r) => {
      const inner =
        'status' in r
          ? `<D:status>${statusLine(r.status)}</D:status>`
          : r.propstats
              .filter((p) => p.props.length > 0)
              .map((p) => `<D:propstat><D:prop>${p.props.join('')}</D:prop><D:status>${statusLine(p.status)}</D:status></D:propstat>`)
              .join('');
      return `<D:response><D:href>${escapeXml(r.href)}</D:href>${inner}</D:response>`;
    })
    .join('');
  return `<?xml version="1.0" encoding="utf-8"?>\n<D:multistatus xmlns:D="DAV:" xmlns:C="${CALDAV}" xmlns:CS="${CALSERVER}">${body}${extra}</D:multistatus>`;
}

/** A precondition failure body (RFC 4918 §16): `<D:error><C:no-uid-conflict/></D:error>`. */
export function errorBody(condition: string): string {
  return `<?xml version="1.0" encoding="utf-8"?>\n<D:error xmlns:D="DAV:" xmlns:C="${CALDAV}">${condition}</D:error>`;
}
