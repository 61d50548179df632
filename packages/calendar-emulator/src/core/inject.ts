// Owns internal dispatch: a batch endpoint replays each inner call as a real HTTP request to
// this same process, so every inner call goes through routing, auth, quota, faults and the
// request log exactly like a direct call.
import http from 'node:http';
import https from 'node:https';
import { INNER_CALL_HEADER } from './inner-call.js';

export interface InjectRequest {
  origin: 'http' | 'https';
  method: string;
  /** Path + query, starting with `/`. */
  path: string;
  headers: Record<string, string>;
  body?: string | Buffer;
}

export interface InjectResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
}

export function createInjector(getUrls: () => { http: string; https: string }, caPem: () => string) {
  return (r: InjectRequest): Promise<InjectResponse> => {
    const base = new URL(r.origin === 'http' ? getUrls().http : getUrls().https);
    const mod = r.origin === 'http' ? http : https;
    const headers: Record<string, string> = { ...r.headers, [INNER_CALL_HEADER]: '1' };
    if (r.body !== undefined) headers['content-length'] = String(Buffer.byteLength(r.body));
    return new Promise((resolve, reject) => {
      const req = mod.request(
        {
          hostname: base.hostname,
          port: base.port,
          method: r.method,
          path: r.path,
          headers,
          ...(r.origin === 'https' ? { ca: caPem() } : {}),
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => {
            const out: Record<string, string> = {};
            for (const [k, v] of Object.entries(res.headers)) if (v !== undefined) out[k] = Array.isArray(v) ? v.join(', ') : v;
            resolve({ status: res.statusCode ?? 0, headers: out, body: Buffer.concat(chunks).toString('utf8') });
          });
        },
      );
      req.on('error', reject);
      if (r.body !== undefined) req.write(r.body);
      req.end();
    });
  };
}
