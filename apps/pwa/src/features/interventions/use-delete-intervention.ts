// User action (dispatchers and admins): delete an intervention for good.
import { deleteIntervention } from './interventions.api';
import { useInterventionMutation } from './use-intervention-mutation';

export function useDeleteIntervention(interventionId: string) {
  return useInterventionMutation(() => deleteIntervention(interventionId));
}
