// User action: log out. Forgets the token and everything cached for this person.
import { useCallback } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { setAccessToken } from '../../api/access-token';

export function useLogout(): () => void {
  const queryClient = useQueryClient();
  return useCallback(() => {
    setAccessToken(null);
    queryClient.clear();
  }, [queryClient]);
}
