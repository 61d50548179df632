// The react-query client: retries only what may succeed on a second try (network, 5xx).
import { QueryClient } from '@tanstack/react-query';
import { ApiRequestError } from '../api/api-error';

function shouldRetry(failureCount: number, error: unknown): boolean {
  if (error instanceof ApiRequestError && error.status >= 400 && error.status < 500) return false;
  return failureCount < 2;
}

export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: { retry: shouldRetry, staleTime: 30 * 1000, refetchOnWindowFocus: true },
      mutations: { retry: false },
    },
  });
}
