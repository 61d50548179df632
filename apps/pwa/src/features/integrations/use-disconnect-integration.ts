// User action: disconnect a provider (the API revokes the grant best effort and forgets the tokens).
import { useQueryClient } from '@tanstack/react-query';
import type { CalendarProviderId } from '@fs/contracts';
import { disconnectIntegration, integrationKeys } from './integrations.api';
import { useIntegrationMutation } from './use-integration-mutation';

export function useDisconnectIntegration(provider: CalendarProviderId) {
  const queryClient = useQueryClient();
  return useIntegrationMutation(async () => {
    await disconnectIntegration(provider);
    // Another account may be connected next: never show this one's calendars again.
    queryClient.removeQueries({ queryKey: integrationKeys.calendars(provider) });
  });
}
