// User action: create an intervention from the form.
import { createIntervention } from './interventions.api';
import { toCreateRequest, type InterventionFormValues } from './intervention-form';
import { useInterventionMutation } from './use-intervention-mutation';

export function useCreateIntervention() {
  return useInterventionMutation((values: InterventionFormValues) => createIntervention(toCreateRequest(values)));
}
