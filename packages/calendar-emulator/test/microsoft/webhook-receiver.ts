// A local webhook endpoint for change-notification tests: answers Graph's validation
// handshake the way it is told (echo the decoded token, echo it raw, fail, or hang) and
// records every notification it is sent, answering each with the status it is told.
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface Received { path: string; query: URLSearchParams; contentType: string; body: string; json?: { value: Array<Record<string, unknown>> } }

export interface Receiver {
  url(path?: string): string;
  received: Received[];
  /** Notifications (validation requests excluded) to one path. */
  notifications(path?: string): Array<Record<string, unknown>>;
  validation: 'echo' | 'echo-raw' | 'fail' | 'hang';
  /** Statuses for the next notification POSTs, in order; then 202. */
  answers: number[];
  reset(): void;
  close(): Promise<void>;
}

export async function startReceiver(): Promise<Receiver> {
  const r: Receiver = {
    url: (path = '/notify') => `http://127.0.0.1:${port}${path}`,
    received: [],
    notifications: (path = '/notify') => r.received.filter((x) => x.path === path && !x.query.has('validationToken')).flatMap((x) => x.json?.value ?? []),
    validation: 'echo',
    answers: [],
    reset() {
      r.received = [];
      r.validation = 'echo';
      r.answers = [];
    },
    close: () => new Promise<void>((done) => { server.closeAllConnections(); server.close(() => done()); }),
  };
  const server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString('utf8')));
    req.on('end', () => {
      const u = new URL(req.url ?? '/', 'http://x');
      const entry: Received = { path: u.pathname, query: u.searchParams, contentType: req.headers['content-type'] ?? '', body };
      if (body && entry.contentType.includes('json')) entry.json = JSON.parse(body) as Received['json'];
      r.received.push(entry);
      const token = u.searchParams.get('validationToken');
      if (token !== null) {
        if (r.validation === 'hang') return;
        if (r.validation === 'fail') return void res.writeHead(500).end();
        const raw = /validationToken=([^&]*)/.exec(req.url ?? '')?.[1] ?? '';
        return void res.writeHead(200, { 'content-type': 'text/plain' }).end(r.validation === 'echo' ? token : raw);
      }
      res.writeHead(r.answers.shift() ?? 202).end();
    });
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const port = (server.address() as AddressInfo).port;
  return r;
}

export async function until(cond: () => boolean, ms = 5000): Promise<void> {
  const end = Date.now() + ms;
  while (!cond() && Date.now() < end) await new Promise((r) => setTimeout(r, 20));
  if (!cond()) throw new Error('condition not met in time');
}
