// User action: start an intervention or mark it done.
import type { InterventionStatus } from '@fs/contracts';
import { updateIntervention } from './interventions.api';
import { useInterventionMutation } from './use-intervention-mutation';

export function useChangeInterventionStatus(interventionId: string) {
  return useInterventionMutation((status: Exclude<InterventionStatus, 'CANCELLED'>) => updateIntervention(interventionId, { status }));
}
