// Captures what an official library surfaces when a call fails (GaxiosError / GraphError).
export interface Failure {
  status: number;
  data: any;
  message: string;
  code?: string;
}

export async function failure(p: Promise<unknown>): Promise<Failure> {
  try {
    await p;
  } catch (e: any) {
    return { status: e.response?.status ?? e.status ?? e.statusCode, data: e.response?.data, message: e.message, code: e.code };
  }
  throw new Error('expected the call to fail');
}

/** The single {domain, reason, ...} item of a Google error envelope. */
export const googleReason = (f: Failure) => f.data?.error?.errors?.[0];
