// Owns Google's partial-response `fields` parameter (developers.google.com/calendar/api/guides/performance#partial):
// `items(id,status),nextPageToken`, `a/b`, `*`. A client that asks for fields gets only
// those, so one that forgets `nextSyncToken` in `fields` sees it missing here as in prod.
import type { NextFunction, Request, Response } from 'express';
import { gerr, sendGoogleError } from './errors.js';

export type FieldTree = Map<string, FieldTree | true>;

function merge(into: FieldTree, key: string, sub: FieldTree | true): void {
  const cur = into.get(key);
  if (cur === true || sub === true || cur === undefined) into.set(key, cur === true || sub === true ? true : sub);
  else for (const [k, v] of sub) merge(cur, k, v);
}

export function parseFields(input: string): FieldTree {
  let i = 0;
  const list = (depth: number): FieldTree => {
    const tree: FieldTree = new Map();
    for (;;) {
      const m = /^[A-Za-z0-9_*@.$-]+(\/[A-Za-z0-9_*@.$-]+)*/.exec(input.slice(i));
      if (!m) throw new Error(`bad fields at ${i}`);
      i += m[0].length;
      let sub: FieldTree | true = true;
      if (input[i] === '(') {
        i++;
        sub = list(depth + 1);
        if (input[i] !== ')') throw new Error('unclosed (');
        i++;
      }
      const path = m[0].split('/');
      const leaf = path.pop()!;
      let node = tree;
      for (const p of path) {
        const next: FieldTree = new Map();
        merge(node, p, next);
        const got = node.get(p);
        if (got === true) break;
        node = got!;
      }
      merge(node, leaf, sub);
      if (input[i] === ',') {
        i++;
        continue;
      }
      if (i === input.length || (depth > 0 && input[i] === ')')) return tree;
      throw new Error(`unexpected ${input[i]}`);
    }
  };
  const tree = list(0);
  if (i !== input.length) throw new Error('trailing input');
  return tree;
}

export function applyFields(value: unknown, tree: FieldTree): unknown {
  if (Array.isArray(value)) return value.map((v) => applyFields(v, tree));
  if (!value || typeof value !== 'object') return value;
  const src = value as Record<string, unknown>;
  if (tree.has('*') && tree.get('*') === true) return src;
  const out: Record<string, unknown> = {};
  for (const [k, sub] of tree) {
    const keys = k === '*' ? Object.keys(src) : [k];
    for (const key of keys) {
      if (src[key] === undefined) continue;
      out[key] = sub === true ? src[key] : applyFields(src[key], sub);
    }
  }
  return out;
}

/** Middleware for Calendar routes: filters successful JSON answers by `fields`. */
export function fieldsMiddleware(req: Request, res: Response, next: NextFunction): void {
  const raw = (req.query as Record<string, unknown>).fields;
  if (typeof raw !== 'string' || raw === '') return next();
  let tree: FieldTree;
  try {
    tree = parseFields(raw.replace(/\s+/g, ''));
  } catch {
    return sendGoogleError(res, gerr.invalid(`Invalid field selection ${raw}`, 'fields'));
  }
  const json = res.json.bind(res);
  res.json = (body: unknown) => json(res.statusCode < 300 ? applyFields(body, tree) : body);
  next();
}
