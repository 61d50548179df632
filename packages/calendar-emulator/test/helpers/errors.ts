// Captures what an official library surfaces when a call fails (GaxiosError / GraphError).

/** Error bodies are arbitrary provider JSON that tests assert field by field. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- see above
export type Json = any;

export interface Failure {
  /** undefined when no HTTP answer came back (connection reset). */
  status: number | undefined;
  data: Json;
  message: string;
  code?: string;
  /** A response header (GaxiosError: fetch Headers; GraphError: Headers or plain object). */
  header(name: string): string | null;
}

type HeaderBag = { get?: (n: string) => string | null } & Record<string, unknown>;

interface LibraryError {
  message: string;
  code?: string;
  status?: number;
  statusCode?: number;
  headers?: HeaderBag;
  response?: { status?: number; data?: unknown; headers?: HeaderBag };
}

export async function failure(p: Promise<unknown>): Promise<Failure> {
  try {
    await p;
  } catch (caught) {
    const e = caught as LibraryError;
    const h = e.response?.headers ?? e.headers;
    const header = (name: string): string | null => {
      if (!h) return null;
      if (typeof h.get === 'function') return h.get(name);
      const v = h[name.toLowerCase()];
      return typeof v === 'string' ? v : null;
    };
    const status = e.response?.status ?? e.status ?? e.statusCode;
    return { status, data: e.response?.data, message: e.message, ...(e.code ? { code: e.code } : {}), header };
  }
  throw new Error('expected the call to fail');
}

/** The single {domain, reason, ...} item of a Google error envelope. */
export const googleReason = (f: Failure): Json => f.data?.error?.errors?.[0];
