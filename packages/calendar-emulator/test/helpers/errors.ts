// Captures what an official library surfaces when a call fails (GaxiosError / GraphError).
export interface Failure {
  status: number;
  data: any;
  message: string;
  code?: string;
  /** A response header (GaxiosError: fetch Headers; GraphError: Headers or plain object). */
  header(name: string): string | null;
}

export async function failure(p: Promise<unknown>): Promise<Failure> {
  try {
    await p;
  } catch (e: any) {
    const h = e.response?.headers ?? e.headers;
    const header = (name: string): string | null =>
      h ? (typeof h.get === 'function' ? h.get(name) : (h[name.toLowerCase()] ?? null)) : null;
    return { status: e.response?.status ?? e.status ?? e.statusCode, data: e.response?.data, message: e.message, code: e.code, header };
  }
  throw new Error('expected the call to fail');
}

/** The single {domain, reason, ...} item of a Google error envelope. */
export const googleReason = (f: Failure) => f.data?.error?.errors?.[0];
