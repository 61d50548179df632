// User action: cancel an intervention. It stays listed with the status CANCELLED.
import { cancelIntervention } from './interventions.api';
import { useInterventionMutation } from './use-intervention-mutation';

export function useCancelIntervention(interventionId: string) {
  return useInterventionMutation(() => cancelIntervention(interventionId));
}
