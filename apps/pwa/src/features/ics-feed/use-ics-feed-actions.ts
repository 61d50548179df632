// User actions on the private ICS feed: turn on or regenerate (one call: a new URL, the old
// one dead), turn off. Each refreshes the cached status when done.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { createIcsFeed, deleteIcsFeed, icsFeedKey } from './ics-feed.api';

export function useCreateIcsFeed() {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: createIcsFeed, onSettled: () => queryClient.invalidateQueries({ queryKey: icsFeedKey }) });
}

export function useDeleteIcsFeed() {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: deleteIcsFeed, onSettled: () => queryClient.invalidateQueries({ queryKey: icsFeedKey }) });
}
