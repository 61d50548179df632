// Owns parsing and validation of events.list parameters (provider-apis.md A2.4), including
// the combinations Google refuses with a sync token (400 rather than silently honoured).
import { gerr } from '../errors.js';
import { isRfc3339, isValidTimeZone } from './time.js';

export interface ListQuery {
  maxResults: number;
  pageToken?: string;
  syncToken?: string;
  showDeleted: boolean;
  singleEvents: boolean;
  timeMin?: number;
  timeMax?: number;
  updatedMin?: number;
  q?: string;
  privateProps: [string, string][];
  sharedProps: [string, string][];
  iCalUID?: string;
  orderBy?: 'startTime' | 'updated';
  timeZone?: string;
}

const FORBIDDEN_WITH_SYNC = ['iCalUID', 'orderBy', 'privateExtendedProperty', 'q', 'sharedExtendedProperty', 'timeMin', 'timeMax', 'updatedMin'];

const list = (v: unknown): string[] => (v === undefined ? [] : Array.isArray(v) ? v.map(String) : [String(v)]);
const str = (v: unknown): string | undefined => (typeof v === 'string' && v !== '' ? v : undefined);

function props(v: unknown, name: string): [string, string][] {
  return list(v).map((p) => {
    const i = p.indexOf('=');
    if (i <= 0) throw gerr.invalid(`Invalid value for: ${name}`, name);
    return [p.slice(0, i), p.slice(i + 1)];
  });
}

function time(v: unknown, name: string): number | undefined {
  const s = str(v);
  if (s === undefined) return undefined;
  if (!isRfc3339(s)) throw gerr.invalid('Bad Request', name);
  return Date.parse(s);
}

export function parseListQuery(q: Record<string, unknown>): ListQuery {
  const syncToken = str(q.syncToken);
  if (syncToken) {
    const bad = FORBIDDEN_WITH_SYNC.find((p) => q[p] !== undefined);
    if (bad) throw gerr.invalid(`Sync token cannot be combined with the '${bad}' parameter.`, bad);
  }
  const maxResults = q.maxResults === undefined ? 250 : Number(q.maxResults);
  if (!Number.isInteger(maxResults) || maxResults < 1 || maxResults > 2500) {
    throw gerr.invalid(`Invalid value '${String(q.maxResults)}'. Values must be within the range: [1, 2500]`, 'maxResults');
  }
  const singleEvents = q.singleEvents === 'true';
  const orderBy = str(q.orderBy);
  if (orderBy !== undefined && orderBy !== 'startTime' && orderBy !== 'updated') throw gerr.invalid(`Invalid value for: ${orderBy}`, 'orderBy');
  if (orderBy === 'startTime' && !singleEvents) throw gerr.invalid('The requested ordering is not available for the particular query.', 'orderBy');
  const timeMin = time(q.timeMin, 'timeMin');
  const timeMax = time(q.timeMax, 'timeMax');
  if (timeMin !== undefined && timeMax !== undefined && timeMax <= timeMin) throw gerr.timeRangeEmpty();
  const timeZone = str(q.timeZone);
  if (timeZone && !isValidTimeZone(timeZone)) throw gerr.invalid('Invalid time zone definition.', 'timeZone');
  const r: ListQuery = {
    maxResults,
    showDeleted: q.showDeleted === 'true',
    singleEvents,
    privateProps: props(q.privateExtendedProperty, 'privateExtendedProperty'),
    sharedProps: props(q.sharedExtendedProperty, 'sharedExtendedProperty'),
  };
  const opt = { pageToken: str(q.pageToken), syncToken, timeMin, timeMax, updatedMin: time(q.updatedMin, 'updatedMin'), q: str(q.q), iCalUID: str(q.iCalUID), orderBy, timeZone };
  for (const [k, v] of Object.entries(opt)) if (v !== undefined) (r as unknown as Record<string, unknown>)[k] = v;
  return r;
}
