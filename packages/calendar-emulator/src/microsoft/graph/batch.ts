// Graph JSON batching: validates a `$batch` payload and runs its requests, honouring
// `dependsOn` (a failed dependency -> 424 for its dependents), at most 4 at a time (Outlook's
// per-mailbox concurrency), answering with an outer 200 whatever the inner statuses and the
// responses in completion order (Graph documents "any order").
// The executor is injected so each inner call goes through the real routes (auth, quota,
// faults, request log). Source: graph/concepts/json-batching.
import { graphErrors } from './graph-error.js';

export const MAX_BATCH_REQUESTS = 20;
const MAX_CONCURRENT = 4;

export interface BatchRequest {
  id: string;
  method: string;
  url: string;
  headers?: Record<string, string>;
  body?: unknown;
  dependsOn?: string[];
}

export interface BatchResponse {
  id: string;
  status: number;
  headers?: Record<string, string>;
  body?: unknown;
}

const bad = (message: string) => graphErrors.badRequest(message);

export function parseBatch(payload: unknown): BatchRequest[] {
  const requests = (payload as { requests?: unknown } | null)?.requests;
  if (!Array.isArray(requests)) throw bad('Invalid batch payload format.');
  if (requests.length > MAX_BATCH_REQUESTS) throw bad(`The number of requests in a batch cannot exceed ${MAX_BATCH_REQUESTS}.`);
  const ids = new Set<string>();
  for (const r of requests as BatchRequest[]) {
    if (typeof r?.id !== 'string' || !r.id || typeof r.method !== 'string' || typeof r.url !== 'string') {
      throw bad("Each batch request needs 'id', 'method' and 'url'.");
    }
    if (ids.has(r.id)) throw bad(`Request Id '${r.id}' must be unique in a batch.`);
    ids.add(r.id);
    if (/^[a-z]+:\/\//i.test(r.url)) throw bad(`Invalid request URL '${r.url}': batch request URLs are relative.`);
    const hasType = Object.keys(r.headers ?? {}).some((h) => h.toLowerCase() === 'content-type');
    if (r.body !== undefined && !hasType) throw bad(`Write request id : ${r.id} does not contain Content-Type header or body.`);
  }
  for (const r of requests as BatchRequest[]) {
    for (const d of r.dependsOn ?? []) if (!ids.has(d)) throw bad(`Request '${r.id}' depends on unknown request id '${d}'.`);
  }
  assertAcyclic(requests as BatchRequest[]);
  return requests as BatchRequest[];
}

function assertAcyclic(requests: BatchRequest[]): void {
  const byId = new Map(requests.map((r) => [r.id, r]));
  const state = new Map<string, 'visiting' | 'done'>();
  const visit = (id: string): void => {
    if (state.get(id) === 'done') return;
    if (state.get(id) === 'visiting') throw bad('The dependsOn graph of the batch contains a cycle.');
    state.set(id, 'visiting');
    for (const d of byId.get(id)?.dependsOn ?? []) visit(d);
    state.set(id, 'done');
  };
  for (const r of requests) visit(r.id);
}

export type InnerExecutor = (r: BatchRequest) => Promise<BatchResponse>;

/** Runs a batch that parseBatch accepted (so every dependsOn chain ends). */
export async function runBatch(requests: BatchRequest[], exec: InnerExecutor): Promise<BatchResponse[]> {
  const done = new Map<string, BatchResponse>();
  const order: BatchResponse[] = [];
  const waiting = [...requests];
  let running = 0;
  return new Promise((resolve) => {
    const pump = () => {
      if (done.size === requests.length) return resolve(order);
      for (let i = 0; i < waiting.length && running < MAX_CONCURRENT; ) {
        const r = waiting[i];
        const deps = r.dependsOn ?? [];
        if (!deps.every((d) => done.has(d))) { i++; continue; }
        waiting.splice(i, 1);
        const failed = deps.some((d) => (done.get(d)?.status ?? 500) >= 400);
        if (failed) { finish(failedDependency(r.id)); continue; }
        running++;
        exec(r).then((res) => { running--; finish(res); }, (e: unknown) => { running--; finish(innerCrash(r.id, e)); });
      }
    };
    const finish = (res: BatchResponse) => {
      done.set(res.id, res);
      order.push(res);
      queueMicrotask(pump);
    };
    pump();
  });
}

function failedDependency(id: string): BatchResponse {
  return {
    id, status: 424, headers: { 'Content-Type': 'application/json' },
    body: { error: { code: 'FailedDependency', message: 'The request could not be executed because a request it depends on failed.' } },
  };
}

function innerCrash(id: string, e: unknown): BatchResponse {
  return {
    id, status: 502, headers: { 'Content-Type': 'application/json' },
    body: { error: { code: 'BadGateway', message: `Inner request failed: ${e instanceof Error ? e.message : String(e)}` } },
  };
}
