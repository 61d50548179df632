// Shared by the action hooks below: run a change, then refresh the integrations list. A
// failure refreshes it too, because the API may have just learnt that the grant was revoked
// (INTEGRATION_NEEDS_RECONNECT) and the card must then offer "Reconnect".
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { integrationKeys } from './integrations.api';

export function useIntegrationMutation<TVariables, TResult>(mutationFn: (variables: TVariables) => Promise<TResult>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn,
    onSettled: () => queryClient.invalidateQueries({ queryKey: integrationKeys.list }),
  });
}
