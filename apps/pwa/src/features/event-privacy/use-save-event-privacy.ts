// Admin action: change what calendar events contain; every written event is rewritten by the API.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { eventPrivacyKeys, saveEventPrivacy } from './event-privacy.api';

export function useSaveEventPrivacy() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: saveEventPrivacy,
    onSuccess: (saved) => queryClient.setQueryData(eventPrivacyKeys.all, saved),
  });
}
