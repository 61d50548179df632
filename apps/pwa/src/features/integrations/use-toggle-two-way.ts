// User action: turn two-way sync on or off for one Google or Microsoft calendar.
import type { CalendarProviderId } from '@fs/contracts';
import { updateIntegrationSettings } from './integrations.api';
import { useIntegrationMutation } from './use-integration-mutation';

export function useToggleTwoWay(provider: CalendarProviderId) {
  return useIntegrationMutation((twoWay: boolean) => updateIntegrationSettings(provider, { syncMode: twoWay ? 'two-way' : 'push' }));
}
