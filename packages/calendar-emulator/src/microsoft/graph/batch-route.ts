// Owns `POST /v1.0/$batch`: the outer request is authenticated (401 like any Graph call) but
// not counted against quota; each inner request is replayed through the real Graph routes
// with the outer Authorization header (ctx.inject), so it is authenticated, counted, subject
// to faults and logged on its own, and may come back 429 inside an outer 200.
import type { Express } from 'express';
import type { EmulatorContext } from '../../core/context.js';
import { parseBatch, runBatch, type BatchRequest, type BatchResponse } from './batch.js';
import { graphAuth, graphHandler } from './graph-http.js';

const KEPT_HEADERS: Record<string, string> = {
  'content-type': 'Content-Type', 'retry-after': 'Retry-After', location: 'Location',
  'preference-applied': 'Preference-Applied', etag: 'ETag', 'odata-version': 'OData-Version',
};

function innerPath(url: string): string {
  const rel = url.startsWith('/') ? url : `/${url}`;
  return /^\/v1\.0\//i.test(rel) ? rel : `/v1.0${rel}`;
}

export function registerBatchRoute(app: Express, ctx: EmulatorContext): void {
  app.post('/v1.0/$batch', ctx.route('microsoft', 'graph.batch'), graphAuth(ctx, 'any', true), graphHandler(async (req) => {
    const requests = parseBatch(req.body);
    const authorization = req.headers.authorization as string;
    const exec = async (r: BatchRequest): Promise<BatchResponse> => {
      const headers: Record<string, string> = { authorization };
      for (const [k, v] of Object.entries(r.headers ?? {})) headers[k.toLowerCase()] = String(v);
      const body = r.body === undefined ? undefined : typeof r.body === 'string' ? r.body : JSON.stringify(r.body);
      const out = await ctx.inject({ origin: 'https', method: r.method.toUpperCase(), path: innerPath(r.url), headers, ...(body !== undefined ? { body } : {}) });
      const kept: Record<string, string> = {};
      for (const [k, v] of Object.entries(out.headers)) if (KEPT_HEADERS[k]) kept[KEPT_HEADERS[k]] = v;
      let parsed: unknown;
      if (out.body) {
        try { parsed = JSON.parse(out.body); } catch { parsed = out.body; }
      }
      return { id: r.id, status: out.status, headers: kept, ...(parsed !== undefined ? { body: parsed } : {}) };
    };
    const responses = await runBatch(requests, exec);
    return { status: 200, body: { responses } };
  }));
}
