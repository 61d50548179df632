// User action (dispatchers and admins): give an intervention to another technician.
import { updateIntervention } from './interventions.api';
import { useInterventionMutation } from './use-intervention-mutation';

export function useReassignIntervention(interventionId: string) {
  return useInterventionMutation((technicianId: string) => updateIntervention(interventionId, { technicianId }));
}
