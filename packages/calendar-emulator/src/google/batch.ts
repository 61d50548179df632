// Owns POST /batch/calendar/v3: each part is replayed as a real call to this process, so
// each one is authenticated, counted against quota and subject to faults like a direct call
// (batch guide: "n batched calls count as n requests"); answers come back in order.
import type { Express, Request, Response } from 'express';
import express from 'express';
import type { EmulatorContext } from '../core/context.js';
import { randomToken } from '../core/ids.js';
import { envelope, gerr, sendGoogleError } from './errors.js';
import { boundaryOf, parseBatch, writeBatch } from './multipart.js';
import type { BatchAnswer, BatchPart } from './multipart.js';

const MAX_CALLS = 1000;
const KEEP_HEADERS = ['content-type', 'etag', 'retry-after', 'www-authenticate'];

async function run(ctx: EmulatorContext, part: BatchPart, authorization: string | undefined): Promise<BatchAnswer> {
  const cid = part.contentId !== undefined ? { contentId: part.contentId } : {};
  if (!part.path.startsWith('/calendar/v3/')) {
    const e = gerr.notFound();
    return { ...cid, status: 404, headers: { 'Content-Type': 'application/json; charset=UTF-8' }, body: JSON.stringify(envelope(404, e.item)) };
  }
  const headers: Record<string, string> = { ...part.headers };
  if (!headers.authorization && authorization) headers.authorization = authorization;
  try {
    const r = await ctx.inject({ origin: 'http', method: part.method, path: part.path, headers, ...(part.body ? { body: part.body } : {}) });
    const kept: Record<string, string> = {};
    for (const k of KEEP_HEADERS) if (r.headers[k]) kept[k.replace(/(^|-)\w/g, (c) => c.toUpperCase())] = r.headers[k]!;
    return { ...cid, status: r.status, headers: kept, body: r.body };
  } catch {
    // A connection reset injected on an inner call: Google would answer that part with a 503.
    const item = { domain: 'global', reason: 'backendError', message: 'Backend Error' };
    return { ...cid, status: 503, headers: { 'Content-Type': 'application/json; charset=UTF-8' }, body: JSON.stringify(envelope(503, item)) };
  }
}

export function registerBatch(app: Express, ctx: EmulatorContext): void {
  app.post(
    '/batch/calendar/v3',
    ctx.route('google', 'batch'),
    express.text({ type: 'multipart/*', limit: '50mb' }),
    async (req: Request, res: Response) => {
      const boundary = boundaryOf(req.headers['content-type']);
      if (!boundary || typeof req.body !== 'string') return sendGoogleError(res, gerr.invalid('Invalid multipart request with 0 mime parts.'));
      let parts: BatchPart[];
      try {
        parts = parseBatch(req.body, boundary);
      } catch {
        return sendGoogleError(res, gerr.invalid('Failed to parse batch request.'));
      }
      if (parts.length === 0) return sendGoogleError(res, gerr.invalid('Invalid multipart request with 0 mime parts.'));
      if (parts.length > MAX_CALLS) return sendGoogleError(res, gerr.invalid(`A batch request cannot contain more than ${MAX_CALLS} calls.`));
      const answers: BatchAnswer[] = [];
      for (const p of parts) answers.push(await run(ctx, p, req.headers.authorization));
      const out = `batch_${randomToken('', 12)}`;
      res.status(200).type(`multipart/mixed; boundary=${out}`).send(writeBatch(answers, out));
    },
  );
}
