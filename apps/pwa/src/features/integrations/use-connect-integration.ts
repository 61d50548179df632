// User action: connect (or reconnect) a provider. The API prepares a single-use OAuth state
// and answers the provider's consent URL; the whole page goes there, and the provider sends
// the browser back to /settings?integration=...&result=... through the API's callback.
import { useMutation } from '@tanstack/react-query';
import type { CalendarProviderId } from '@fs/contracts';
import { startAuthorization } from './integrations.api';

export function useConnectIntegration(provider: CalendarProviderId) {
  return useMutation({
    mutationFn: () => startAuthorization(provider),
    onSuccess: ({ url }) => window.location.assign(url),
  });
}
