// Admin action: set what happens to changes technicians make in their calendar.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { calendarChangeKeys, saveCalendarChangePolicy } from './calendar-changes.api';

export function useSaveChangePolicy() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: saveCalendarChangePolicy,
    onSuccess: (saved) => queryClient.setQueryData(calendarChangeKeys.policy, saved),
  });
}
