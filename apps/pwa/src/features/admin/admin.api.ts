// Calls for the admin pages: every person's calendar integrations (admins only).
import { queryOptions } from '@tanstack/react-query';
import type { AdminIntegration } from '@fs/contracts';
import { apiRequest } from '../../api/http';

export function adminIntegrationsQuery() {
  return queryOptions({
    queryKey: ['admin', 'integrations'] as const,
    queryFn: () => apiRequest<AdminIntegration[]>('/admin/integrations'),
  });
}
