// A real CalDAV server for tests: Debian's Radicale (/usr/bin/radicale, or RADICALE_PATH),
// started on a free port with a temporary storage folder, plain htpasswd users and a rights
// file (each user owns /<user>/; their "holidays" calendar is read-only to them; `admin` may
// do anything, to set calendars up and read what the server holds). In front of it sits a
// small fault proxy (like the emulator's faults: a status for the next N requests of a
// method), since Radicale itself never throttles or fails on purpose.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const RADICALE_ADMIN = { username: 'admin', password: 'admin-password' };

const RIGHTS = `
[admin]
user: admin
collection: .*
permissions: RrWw
[root]
user: .+
collection:
permissions: R
[principal]
user: .+
collection: {user}
permissions: RW
[readonly]
user: .+
collection: {user}/holidays
permissions: r
[calendars]
user: .+
collection: {user}/[^/]+
permissions: rw
`;

export interface Fault {
  method?: string;
  status: number;
  headers?: Record<string, string>;
  times: number;
}

export interface ProxiedRequest {
  method: string;
  path: string;
  ifMatch?: string;
  ifNoneMatch?: string;
  status?: number;
}

export interface RadicaleHandle {
  /** The fault proxy's URL, what the app is given as the server URL. */
  url: string;
  /** Radicale itself, for reads that must not see injected faults. */
  directUrl: string;
  setUsers(users: Record<string, string>): void;
  addFault(fault: Fault): void;
  clearFaults(): void;
  /** Requests that reached the proxy since the last clearFaults: method, path, conditional headers and the answer. */
  requests(): ProxiedRequest[];
  stop(): Promise<void>;
}

export function radicalePath(): string {
  const path = process.env.RADICALE_PATH ?? '/usr/bin/radicale';
  if (!existsSync(path)) throw new Error(`Radicale not found at ${path}: apt-get install -y radicale (or set RADICALE_PATH)`);
  return path;
}

export async function startRadicale(users: Record<string, string>): Promise<RadicaleHandle> {
  const dir = mkdtempSync(join(tmpdir(), 'radicale-'));
  const port = await freePort();
  const writeUsers = (all: Record<string, string>) =>
    writeFileSync(join(dir, 'users'), Object.entries({ ...all, [RADICALE_ADMIN.username]: RADICALE_ADMIN.password }).map(([u, p]) => `${u}:${p}`).join('\n') + '\n');
  writeUsers(users);
  writeFileSync(join(dir, 'rights'), RIGHTS);
  writeFileSync(
    join(dir, 'config'),
    [
      '[server]', `hosts = 127.0.0.1:${port}`,
      '[auth]', 'type = htpasswd', `htpasswd_filename = ${join(dir, 'users')}`, 'htpasswd_encryption = plain', 'delay = 0',
      '[rights]', 'type = from_file', `file = ${join(dir, 'rights')}`,
      '[storage]', `filesystem_folder = ${join(dir, 'collections')}`,
      '[logging]', 'level = warning',
    ].join('\n'),
  );
  const child = spawn(radicalePath(), ['--config', join(dir, 'config')], { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr!.on('data', (chunk) => (stderr += chunk));
  const directUrl = `http://127.0.0.1:${port}`;
  await waitUntilServing(directUrl, child, () => stderr);
  const faults: Fault[] = [];
  const log: ProxiedRequest[] = [];
  const proxy = await startFaultProxy(port, faults, log);
  return {
    url: `http://127.0.0.1:${(proxy.address() as AddressInfo).port}`,
    directUrl,
    setUsers: writeUsers,
    addFault: (fault) => faults.push({ ...fault }),
    clearFaults: () => {
      faults.splice(0);
      log.splice(0);
    },
    requests: () => [...log],
    async stop() {
      await new Promise<void>((resolve) => proxy.close(() => resolve()));
      child.kill('SIGTERM');
      await new Promise((resolve) => (child.exitCode !== null ? resolve(null) : child.once('exit', resolve)));
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

function startFaultProxy(upstreamPort: number, faults: Fault[], log: ProxiedRequest[]): Promise<http.Server> {
  const server = http.createServer((req, res) => {
    const entry: ProxiedRequest = { method: req.method!, path: req.url!, ifMatch: req.headers['if-match'], ifNoneMatch: req.headers['if-none-match'] };
    log.push(entry);
    res.on('finish', () => (entry.status = res.statusCode));
    const fault = faults.find((f) => f.times > 0 && (!f.method || f.method === req.method));
    if (fault) {
      fault.times -= 1;
      req.resume();
      res.writeHead(fault.status, fault.headers ?? {}).end();
      return;
    }
    const upstream = http.request({ host: '127.0.0.1', port: upstreamPort, method: req.method, path: req.url, headers: req.headers }, (answer) => {
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(res);
    });
    upstream.on('error', () => res.writeHead(502).end());
    req.pipe(upstream);
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = http.createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}

async function waitUntilServing(url: string, child: ChildProcess, stderr: () => string): Promise<void> {
  for (let i = 0; i < 100; i++) {
    if (child.exitCode !== null) throw new Error(`Radicale exited (${child.exitCode}): ${stderr()}`);
    const up = await fetch(url, { method: 'OPTIONS' }).then(() => true, () => false);
    if (up) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`Radicale did not start: ${stderr()}`);
}
