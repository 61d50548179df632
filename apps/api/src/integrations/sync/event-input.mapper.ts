// Intervention row + the organisation's event privacy settings -> the calendar event a
// technician sees. Pure: the adapters turn this into each provider's payload (and mark it
// private there); nothing here knows a provider. What is off never leaves the company.
import type { EventPrivacySettings } from '@fs/contracts';
import type { CalendarEventInput } from '../providers/calendar-provider';

export interface InterventionForEvent {
  id: string;
  title: string;
  description: string;
  clientName: string;
  clientPhone: string;
  address: string;
  startsAt: Date;
  endsAt: Date;
  timeZone: string;
  version?: number;
}

/**
 * Stable for one (integration, intervention) pair and different across integrations, so
 * two people's calendars never share a provider event id, and a retry always finds the
 * event a crashed attempt may have created.
 */
export function syncKeyFor(integrationId: string, interventionId: string): string {
  return `fs:${integrationId}:${interventionId}`;
}

/**
 * What an event says about an intervention, in every calendar (providers, CalDAV and the
 * ICS feed), under the organisation's event privacy settings.
 */
export function describeIntervention(
  intervention: Pick<InterventionForEvent, 'title' | 'description' | 'clientName' | 'clientPhone' | 'address'>,
  privacy: EventPrivacySettings,
): { title: string; description: string; location: string } {
  // The client comes first: it is what a technician scans for in a phone's agenda view.
  const description = [
    privacy.clientName ? `Client: ${intervention.clientName}` : '',
    privacy.clientPhone && intervention.clientPhone.trim() ? `Phone: ${intervention.clientPhone.trim()}` : '',
    privacy.notes ? intervention.description.trim() : '',
  ]
    .filter(Boolean)
    .join('\n\n');
  // Always the intervention's short title: the event must say what the slot is for.
  return { title: intervention.title, description, location: privacy.address ? intervention.address : '' };
}

export function toCalendarEventInput(
  integrationId: string,
  intervention: InterventionForEvent,
  privacy: EventPrivacySettings,
): CalendarEventInput {
  return {
    syncKey: syncKeyFor(integrationId, intervention.id),
    interventionId: intervention.id,
    ...describeIntervention(intervention, privacy),
    startsAt: intervention.startsAt,
    endsAt: intervention.endsAt,
    timeZone: intervention.timeZone,
    ...(intervention.version !== undefined ? { sequence: intervention.version } : {}),
  };
}
