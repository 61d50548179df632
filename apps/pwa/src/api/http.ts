// Fetch wrapper for /api/v1: adds the bearer token, sends/parses JSON, turns failures into
// ApiRequestError, and drops the token when the API says the session is no longer valid.
import { getAccessToken, setAccessToken } from './access-token';
import { ApiRequestError, toApiRequestError } from './api-error';

const BASE = '/api/v1';

export type Query = Record<string, string | undefined>;

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  body?: unknown;
  query?: Query;
}

export function buildUrl(path: string, query: Query = {}): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) if (value) params.set(key, value);
  const search = params.toString();
  return `${BASE}${path}${search ? `?${search}` : ''}`;
}

export async function apiRequest<T>(path: string, options: RequestOptions = {}): Promise<T> {
  return (await apiResponse<T>(path, options)).body;
}

/** Like apiRequest, with the answer's headers (e.g. Busy-Refreshed-At). */
export async function apiResponse<T>(path: string, options: RequestOptions = {}): Promise<{ body: T; headers: Headers }> {
  const token = getAccessToken();
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (options.body !== undefined) headers['Content-Type'] = 'application/json';
  if (token) headers.Authorization = `Bearer ${token}`;

  let response: Response;
  try {
    response = await fetch(buildUrl(path, options.query), {
      method: options.method ?? 'GET',
      headers,
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
    });
  } catch (cause) {
    throw new ApiRequestError(0, 'NETWORK', cause instanceof Error ? cause.message : 'network error');
  }

  if (response.status === 204) return { body: undefined as T, headers: response.headers };
  const body: unknown = await response.json().catch(() => null);
  if (response.ok) return { body: body as T, headers: response.headers };

  const error = toApiRequestError(response.status, body, response.headers.get('Retry-After'));
  // An expired or revoked session: forget it, the router then shows the login page.
  if (error.code === 'UNAUTHENTICATED' && token) setAccessToken(null);
  throw error;
}
