// User action: dispatch accepts or rejects a calendar change. Either way the inbox and the
// interventions are refreshed (an accepted move reschedules the intervention). A 409 is
// turned into the reason the person can act on (see decision-conflict.ts), read from the
// refreshed list of open changes.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { CalendarChange } from '@fs/contracts';
import { interventionKeys } from '../interventions/interventions.api';
import { acceptCalendarChange, calendarChangeKeys, listCalendarChanges, rejectCalendarChange } from './calendar-changes.api';
import { decisionConflict, isConflict, type DecisionConflict } from './decision-conflict';

export type Decision = 'accept' | 'reject';

export class DecisionConflictError extends Error {
  constructor(readonly reason: DecisionConflict) {
    super(reason);
    this.name = 'DecisionConflictError';
  }
}

export function useDecideCalendarChange() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ id, decision }: { id: string; decision: Decision }): Promise<CalendarChange> => {
      try {
        return await (decision === 'accept' ? acceptCalendarChange(id) : rejectCalendarChange(id));
      } catch (error) {
        if (!isConflict(error)) throw error;
        const open = await queryClient.fetchQuery({ queryKey: calendarChangeKeys.list('open'), queryFn: () => listCalendarChanges('open'), staleTime: 0 });
        throw new DecisionConflictError(decisionConflict(id, open));
      }
    },
    onSettled: async () => {
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: calendarChangeKeys.all }),
        queryClient.invalidateQueries({ queryKey: interventionKeys.all }),
      ]);
    },
  });
}
