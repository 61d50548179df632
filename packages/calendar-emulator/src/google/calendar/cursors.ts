// Owns the opaque page and sync tokens of events.list. A sync token remembers the calendar,
// the change number it covers, the invalidation epoch (control API can bump it -> 410) and
// the time window of the initial full sync; a page token also remembers the last key served.
import { gerr } from '../errors.js';

export type SortKey = [number, string];

export interface SyncCursor {
  c: string;
  s: number;
  ep: number;
  tmin?: number;
  tmax?: number;
}

export interface PageCursor {
  c: string;
  /** Last key served. */
  k: SortKey;
  /** Change number when the first page was served: the next sync token covers up to it. */
  snap: number;
  ep: number;
  /** Present when paging an incremental sync: the `s` of the sync token it started from. */
  from?: number;
  tmin?: number;
  tmax?: number;
}

const encode = (o: object): string => Buffer.from(JSON.stringify(o)).toString('base64url');

function decode<T>(token: string): T | undefined {
  try {
    const v = JSON.parse(Buffer.from(token, 'base64url').toString('utf8'));
    return v && typeof v === 'object' ? (v as T) : undefined;
  } catch {
    return undefined;
  }
}

export const encodeSync = (c: SyncCursor): string => `CP${encode(c)}`;
export const encodePage = (c: PageCursor): string => `EL${encode(c)}`;

export function decodeSync(token: string, calendarId: string): SyncCursor {
  const c = token.startsWith('CP') ? decode<SyncCursor>(token.slice(2)) : undefined;
  if (!c || typeof c.s !== 'number' || typeof c.ep !== 'number') throw gerr.invalid('Invalid sync token value.', 'syncToken');
  // A token of another calendar is as unusable as an expired one.
  if (c.c !== calendarId) throw gerr.fullSyncRequired();
  return c;
}

export function decodePage(token: string, calendarId: string): PageCursor {
  const c = token.startsWith('EL') ? decode<PageCursor>(token.slice(2)) : undefined;
  if (!c || !Array.isArray(c.k) || c.c !== calendarId) throw gerr.invalid('Invalid page token value.', 'pageToken');
  return c;
}

export const keyAfter = (a: SortKey, b: SortKey): boolean => a[0] > b[0] || (a[0] === b[0] && a[1] > b[1]);
