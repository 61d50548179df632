// Owns the small HTTP habits shared by the CalDAV handlers: XML answers with their content
// type, and the conditional headers of RFC 9110 §13 as WebDAV clients send them.
import type { Response } from 'express';

export function sendXml(res: Response, status: number, xml: string): void {
  res.status(status).type('application/xml; charset=utf-8').send(xml);
}

/** If-Match / If-None-Match against the resource's current ETag (undefined: no resource). */
export function preconditionFails(headers: { 'if-match'?: string | undefined; 'if-none-match'?: string | undefined }, etag: string | undefined): boolean {
  const list = (v: string) => v.split(',').map((s) => s.trim().replace(/^W\//, ''));
  const ifMatch = headers['if-match'];
  if (ifMatch !== undefined) {
    if (etag === undefined) return true;
    if (ifMatch.trim() !== '*' && !list(ifMatch).includes(etag)) return true;
  }
  const ifNoneMatch = headers['if-none-match'];
  if (ifNoneMatch !== undefined && etag !== undefined) {
    if (ifNoneMatch.trim() === '*' || list(ifNoneMatch).includes(etag)) return true;
  }
  return false;
}
