// Calls to /auth and the query that knows who is logged in.
import { queryOptions } from '@tanstack/react-query';
import type { LoginRequest, LoginResponse, User } from '@fs/contracts';
import { apiRequest } from '../../api/http';

export function login(request: LoginRequest): Promise<LoginResponse> {
  return apiRequest<LoginResponse>('/auth/login', { method: 'POST', body: request });
}

export function fetchMe(): Promise<User> {
  return apiRequest<User>('/auth/me');
}

export const authKeys = { me: ['auth', 'me'] as const };

export function meQuery(token: string | null) {
  return queryOptions({
    queryKey: [...authKeys.me, token],
    queryFn: fetchMe,
    enabled: token !== null,
    staleTime: 5 * 60 * 1000,
  });
}
