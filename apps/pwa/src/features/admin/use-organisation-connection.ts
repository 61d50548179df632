// The admin's actions on an org-wide connection: start Microsoft's admin consent (the browser
// leaves for Microsoft, then comes back to /admin), upload Google's service account key,
// choose who is covered and the target calendar, disconnect. Each refreshes the connections and technicians lists.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { AuthUrlResponse, OrganisationConnection, OrganisationProviderId, OrganisationSettingsRequest } from '@fs/contracts';
import { apiRequest } from '../../api/http';

export function useOrganisationConnection(provider: OrganisationProviderId) {
  const queryClient = useQueryClient();
  const refresh = () => queryClient.invalidateQueries({ queryKey: ['admin'] });
  const consent = useMutation({
    mutationFn: () => apiRequest<AuthUrlResponse>('/admin/organisation-connections/microsoft/consent'),
    onSuccess: ({ url }) => window.location.assign(url),
  });
  const uploadKey = useMutation({
    mutationFn: (serviceAccountKey: string) =>
      apiRequest<OrganisationConnection>('/admin/organisation-connections/google', { method: 'POST', body: { serviceAccountKey } }),
    onSuccess: refresh,
  });
  const disconnect = useMutation({
    mutationFn: () => apiRequest<void>(`/admin/organisation-connections/${provider}`, { method: 'DELETE' }),
    onSuccess: refresh,
  });
  const saveSettings = useMutation({
    mutationFn: (settings: OrganisationSettingsRequest) =>
      apiRequest<OrganisationConnection>(`/admin/organisation-connections/${provider}/settings`, { method: 'POST', body: settings }),
    onSuccess: refresh,
  });
  return { consent, uploadKey, disconnect, saveSettings };
}
