// User action: save the edit form (only the fields that changed are sent).
import type { Intervention } from '@fs/contracts';
import { updateIntervention } from './interventions.api';
import { toUpdateRequest, type InterventionFormValues } from './intervention-form';
import { useInterventionMutation } from './use-intervention-mutation';

export function useEditIntervention(original: Intervention) {
  return useInterventionMutation((values: InterventionFormValues) => updateIntervention(original.id, toUpdateRequest(values, original)));
}
