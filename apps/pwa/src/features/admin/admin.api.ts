// Calls for the admin pages: every person's calendar integrations (admins only).
import { queryOptions } from '@tanstack/react-query';
import type { AdminIntegration, OrganisationConnection, OrganisationProviderId, OrganisationTechnician } from '@fs/contracts';
import { apiRequest } from '../../api/http';

export function adminIntegrationsQuery() {
  return queryOptions({
    queryKey: ['admin', 'integrations'] as const,
    queryFn: () => apiRequest<AdminIntegration[]>('/admin/integrations'),
  });
}

/** The company's org-wide connections (Microsoft 365, Google Workspace). */
export function organisationConnectionsQuery() {
  return queryOptions({
    queryKey: ['admin', 'organisation-connections'] as const,
    queryFn: () => apiRequest<OrganisationConnection[]>('/admin/organisation-connections'),
  });
}

/** Which technicians an org-wide connection reaches. */
export function organisationTechniciansQuery(provider: OrganisationProviderId) {
  return queryOptions({
    queryKey: ['admin', 'organisation-connections', provider, 'technicians'] as const,
    queryFn: () => apiRequest<OrganisationTechnician[]>(`/admin/organisation-connections/${provider}/technicians`),
  });
}
