// A local push receiver for the Google push specs: records each notification (headers and
// body) and answers with whatever status the test sets; `until` polls for a condition.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { expect } from 'vitest';

export interface Notification {
  headers: http.IncomingHttpHeaders;
  body: string;
}

export interface Receiver {
  address: string;
  received: Notification[];
  /** Status answered to the next notifications (default 200). */
  answer: number;
  clear(): void;
  close(): Promise<void>;
}

export async function startReceiver(): Promise<Receiver> {
  const r = { received: [] as Notification[], answer: 200 } as Receiver;
  const server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', () => {
      r.received.push({ headers: req.headers, body });
      res.statusCode = r.answer;
      res.end();
    });
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  r.address = `http://127.0.0.1:${(server.address() as AddressInfo).port}/notify`;
  r.clear = () => {
    r.received.length = 0;
    r.answer = 200;
  };
  r.close = () => new Promise<void>((done) => server.close(() => done()));
  return r;
}

export async function until(cond: () => boolean, ms = 3000): Promise<void> {
  for (let waited = 0; waited < ms && !cond(); waited += 20) await new Promise((r) => setTimeout(r, 20));
  expect(cond()).toBe(true);
}

export const states = (r: Receiver): string[] => r.received.map((n) => String(n.headers['x-goog-resource-state']));
