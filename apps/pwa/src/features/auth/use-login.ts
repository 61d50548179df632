// User action: log in with email and password; on success the token is kept and the app opens.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { LoginRequest } from '@fs/contracts';
import { setAccessToken } from '../../api/access-token';
import { login } from './auth.api';

export function useLogin() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (request: LoginRequest) => login(request),
    onSuccess: ({ accessToken }) => {
      queryClient.clear(); // nothing cached for a previous person may show
      setAccessToken(accessToken);
    },
  });
}
