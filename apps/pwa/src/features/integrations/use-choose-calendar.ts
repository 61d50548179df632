// User action: choose the calendar that receives the person's interventions (writable only;
// the API refuses any other with a 400 naming calendarId).
import type { CalendarProviderId } from '@fs/contracts';
import { updateIntegrationSettings } from './integrations.api';
import { useIntegrationMutation } from './use-integration-mutation';

export function useChooseCalendar(provider: CalendarProviderId) {
  return useIntegrationMutation((calendarId: string) => updateIntegrationSettings(provider, { calendarId }));
}
