// Calls for the organisation's event privacy settings (what a calendar event contains):
// everyone reads what is shared; admins read and change it.
import { queryOptions } from '@tanstack/react-query';
import type { EventPrivacyResponse, EventPrivacySettings } from '@fs/contracts';
import { apiRequest } from '../../api/http';

export const eventPrivacyKeys = { all: ['event-privacy'] as const };

export function eventPrivacyQuery() {
  return queryOptions({
    queryKey: eventPrivacyKeys.all,
    queryFn: () => apiRequest<EventPrivacyResponse>('/integrations/event-privacy'),
  });
}

export function saveEventPrivacy(settings: EventPrivacySettings): Promise<EventPrivacyResponse> {
  return apiRequest<EventPrivacyResponse>('/admin/event-privacy', { method: 'PUT', body: settings });
}
