// User action: share (or stop sharing) this account's busy times with dispatch.
import type { CalendarProviderId } from '@fs/contracts';
import { updateIntegrationSettings } from './integrations.api';
import { useIntegrationMutation } from './use-integration-mutation';

export function useToggleAvailability(provider: CalendarProviderId) {
  return useIntegrationMutation((shareAvailability: boolean) => updateIntegrationSettings(provider, { shareAvailability }));
}
