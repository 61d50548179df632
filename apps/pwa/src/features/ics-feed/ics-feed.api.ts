// Calls to /ics-feed (the person's private subscription URL) and the query that caches its
// status. The URL itself comes back only from POST (turn on / regenerate): the API keeps a
// hash, so this app can show it once and never fetch it again.
import { queryOptions } from '@tanstack/react-query';
import type { IcsFeedCreated, IcsFeedStatus } from '@fs/contracts';
import { apiRequest } from '../../api/http';

export const icsFeedKey = ['ics-feed'] as const;

export function icsFeedQuery() {
  return queryOptions({ queryKey: icsFeedKey, queryFn: () => apiRequest<IcsFeedStatus>('/ics-feed') });
}

export function createIcsFeed(): Promise<IcsFeedCreated> {
  return apiRequest<IcsFeedCreated>('/ics-feed', { method: 'POST' });
}

export function deleteIcsFeed(): Promise<void> {
  return apiRequest<void>('/ics-feed', { method: 'DELETE' });
}
