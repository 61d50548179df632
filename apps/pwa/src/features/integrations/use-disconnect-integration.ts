// User action: disconnect a provider. With removeEvents the API first removes the events it
// wrote (the card shows DISCONNECTING with progress), then revokes the grant and forgets the tokens.
import { useQueryClient } from '@tanstack/react-query';
import type { CalendarProviderId } from '@fs/contracts';
import { disconnectIntegration, integrationKeys } from './integrations.api';
import { useIntegrationMutation } from './use-integration-mutation';

export function useDisconnectIntegration(provider: CalendarProviderId) {
  const queryClient = useQueryClient();
  return useIntegrationMutation(async (removeEvents: boolean) => {
    const removing = await disconnectIntegration(provider, removeEvents);
    // Another account may be connected next: never show this one's calendars again.
    queryClient.removeQueries({ queryKey: integrationKeys.calendars(provider) });
    return removing;
  });
}
