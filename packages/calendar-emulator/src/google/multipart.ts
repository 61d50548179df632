// Owns the wire format of Google's batch endpoint (developers.google.com/calendar/api/guides/batch):
// parsing a multipart/mixed body of application/http parts into requests, and writing the
// multipart/mixed answer, one part per request in order, each `Content-ID: response-<id>`.
import { STATUS_CODES } from 'node:http';

export interface BatchPart {
  contentId?: string;
  method: string;
  /** Path + query, origin stripped. */
  path: string;
  headers: Record<string, string>;
  body: string;
}

export interface BatchAnswer {
  contentId?: string;
  status: number;
  headers: Record<string, string>;
  body: string;
}

export function boundaryOf(contentType: string | undefined): string | undefined {
  if (!contentType || !/^multipart\/mixed\b/i.test(contentType)) return undefined;
  const m = /boundary=(?:"([^"]+)"|([^;\s]+))/i.exec(contentType);
  return m ? (m[1] ?? m[2]) : undefined;
}

/** Splits "headers CRLF CRLF rest" (LF-only tolerated). */
function splitHead(text: string): [string[], string] {
  const m = /\r?\n\r?\n/.exec(text);
  const head = m ? text.slice(0, m.index) : text;
  const rest = m ? text.slice(m.index + m[0].length) : '';
  return [head.split(/\r?\n/).filter((l) => l.length > 0), rest];
}

function headerMap(lines: string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const l of lines) {
    const i = l.indexOf(':');
    if (i > 0) out[l.slice(0, i).trim().toLowerCase()] = l.slice(i + 1).trim();
  }
  return out;
}

export function parseBatch(body: string, boundary: string): BatchPart[] {
  const chunks = body.split(`--${boundary}`);
  const parts: BatchPart[] = [];
  for (const raw of chunks.slice(1)) {
    if (raw.startsWith('--')) break;
    const [outerLines, http] = splitHead(raw.replace(/^\r?\n/, ''));
    const outer = headerMap(outerLines);
    const [innerLines, innerBody] = splitHead(http.replace(/^\r?\n/, ''));
    const [requestLine, ...headerLines] = innerLines;
    const m = /^([A-Z]+)\s+(\S+)/.exec(requestLine ?? '');
    if (!m) throw new Error('Malformed batch part: missing request line');
    const url = new URL(m[2]!, 'http://batch.invalid');
    const cid = outer['content-id']?.replace(/^<|>$/g, '');
    parts.push({
      ...(cid !== undefined ? { contentId: cid } : {}),
      method: m[1]!,
      path: url.pathname + url.search,
      headers: headerMap(headerLines),
      body: innerBody.replace(/\r?\n$/, ''),
    });
  }
  return parts;
}

export function writeBatch(answers: BatchAnswer[], boundary: string): string {
  const out: string[] = [];
  for (const a of answers) {
    out.push(`--${boundary}`, 'Content-Type: application/http');
    if (a.contentId !== undefined) out.push(`Content-ID: <response-${a.contentId}>`);
    out.push('', `HTTP/1.1 ${a.status} ${STATUS_CODES[a.status] ?? ''}`);
    for (const [k, v] of Object.entries(a.headers)) out.push(`${k}: ${v}`);
    out.push('', a.body);
  }
  out.push(`--${boundary}--`, '');
  return out.join('\r\n');
}
