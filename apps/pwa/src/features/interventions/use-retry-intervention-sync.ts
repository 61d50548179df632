// User action: "retry" on a failed sync badge.
import { retryInterventionSync } from './interventions.api';
import { useInterventionMutation } from './use-intervention-mutation';

export function useRetryInterventionSync(interventionId: string) {
  return useInterventionMutation(() => retryInterventionSync(interventionId));
}
