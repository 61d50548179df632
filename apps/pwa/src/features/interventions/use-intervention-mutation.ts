// Shared by the action hooks below: run a change, then refresh every intervention list,
// because a change can move an intervention between filters and days.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { interventionKeys } from './interventions.api';

export function useInterventionMutation<TVariables, TResult>(mutationFn: (variables: TVariables) => Promise<TResult>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: interventionKeys.all }),
  });
}
