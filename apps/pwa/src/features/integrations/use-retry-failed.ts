// User action: "retry failed" on a card whose sync gave up on some interventions.
import type { CalendarProviderId } from '@fs/contracts';
import { retryFailedSync } from './integrations.api';
import { useIntegrationMutation } from './use-integration-mutation';

export function useRetryFailed(provider: CalendarProviderId) {
  return useIntegrationMutation(() => retryFailedSync(provider));
}
