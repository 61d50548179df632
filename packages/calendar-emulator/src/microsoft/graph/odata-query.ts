// Parses the OData query options the calendar routes support: `$expand` and `$filter` on
// singleValueExtendedProperties, `$top`/`$skip` paging. Anything else in `$filter` is
// refused with 400 rather than silently ignored (an emulator that ignores a filter lies).
// Source: graph/api/singlevaluelegacyextendedproperty-get, extended-properties-overview.
import { graphErrors } from './graph-error.js';

const STR = "'((?:[^']|'')*)'";
const unquote = (s: string) => s.replace(/''/g, "'");

/**
 * `$expand=singleValueExtendedProperties($filter=id eq 'X' [or id eq 'Y'...])` -> ['X', 'Y'].
 * Returns undefined when the option is absent.
 */
export function parseExpand(expand: string | undefined): string[] | 'all' | undefined {
  if (expand === undefined) return undefined;
  const m = /^\s*singleValueExtendedProperties\s*(?:\((.*)\))?\s*$/i.exec(expand);
  if (!m) throw graphErrors.badRequest(`Parsing OData Select and Expand failed: Could not find a property named '${expand.split('(')[0]}' on type 'microsoft.graph.event'.`);
  if (m[1] === undefined) return 'all';
  const f = /^\s*\$filter\s*=\s*(.*)$/i.exec(m[1]);
  if (!f) throw graphErrors.badRequest(`Invalid $expand options '${m[1]}'.`);
  const ids: string[] = [];
  for (const clause of f[1].split(/\s+or\s+/i)) {
    const c = new RegExp(`^\\s*id\\s+eq\\s+${STR}\\s*$`, 'i').exec(clause);
    if (!c) throw graphErrors.badRequest(`Invalid filter clause '${clause.trim()}'.`);
    ids.push(unquote(c[1]));
  }
  return ids;
}

export interface ExtendedPropertyFilter {
  id: string;
  value?: string;
}

/** `$filter=singleValueExtendedProperties/Any(ep: ep/id eq 'X' and ep/value eq 'Y')`. */
export function parseFilter(filter: string | undefined): ExtendedPropertyFilter | undefined {
  if (filter === undefined) return undefined;
  const m = /^\s*singleValueExtendedProperties\/any\(\s*(\w+)\s*:\s*(.*)\)\s*$/i.exec(filter);
  if (!m) throw graphErrors.badRequest(`Invalid filter clause: the emulator supports only singleValueExtendedProperties/Any(...) filters, got '${filter}'.`);
  const v = m[1];
  const idRe = new RegExp(`^\\s*${v}/id\\s+eq\\s+${STR}\\s*(?:and\\s+${v}/value\\s+eq\\s+${STR}\\s*)?$`, 'i');
  const c = idRe.exec(m[2]);
  if (!c) throw graphErrors.badRequest(`Invalid filter clause '${m[2]}'.`);
  return { id: unquote(c[1]), ...(c[2] !== undefined ? { value: unquote(c[2]) } : {}) };
}

export function matchesFilter(props: Record<string, string>, f: ExtendedPropertyFilter | undefined): boolean {
  if (!f) return true;
  const key = Object.keys(props).find((k) => k.toLowerCase() === f.id.toLowerCase());
  if (key === undefined) return false;
  return f.value === undefined || props[key] === f.value;
}

export function parsePaging(q: Record<string, unknown>, defaultTop: number): { top: number; skip: number } {
  const top = q.$top === undefined ? defaultTop : Number(q.$top);
  const skip = q.$skip === undefined ? 0 : Number(q.$skip);
  if (!Number.isInteger(top) || top < 1 || top > 1000 || !Number.isInteger(skip) || skip < 0) {
    throw graphErrors.badRequest('Invalid $top or $skip value.');
  }
  return { top, skip };
}
