// User action: move an intervention to a new slot, typed on its own time zone's clock.
import type { Intervention } from '@fs/contracts';
import { updateIntervention } from './interventions.api';
import { toRescheduleRequest } from './intervention-form';
import { useInterventionMutation } from './use-intervention-mutation';

export function useRescheduleIntervention(intervention: Intervention) {
  return useInterventionMutation(({ startsAt, endsAt }: { startsAt: string; endsAt: string }) =>
    updateIntervention(intervention.id, toRescheduleRequest(startsAt, endsAt, intervention.timeZone)),
  );
}
