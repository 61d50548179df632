// User action: pause or resume sending interventions to the chosen calendar, keeping the grant.
import type { CalendarProviderId } from '@fs/contracts';
import { updateIntegrationSettings } from './integrations.api';
import { useIntegrationMutation } from './use-integration-mutation';

export function useToggleSync(provider: CalendarProviderId) {
  return useIntegrationMutation((syncEnabled: boolean) => updateIntegrationSettings(provider, { syncEnabled }));
}
