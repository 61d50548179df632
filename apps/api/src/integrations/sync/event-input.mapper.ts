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
}

/**
 * Stable for one (integration, intervention) pair and different across integrations, so
 * two people's calendars never share a provider event id, and a retry always finds the
 * event a crashed attempt may have created.
 */
export function syncKeyFor(integrationId: string, interventionId: string): string {
  return `fs:${integrationId}:${interventionId}`;
}

export function toCalendarEventInput(
  integrationId: string,
  intervention: InterventionForEvent,
  privacy: EventPrivacySettings,
): CalendarEventInput {
  // The client comes first: it is what a technician scans for in a phone's agenda view.
  const description = [
    privacy.clientName ? `Client: ${intervention.clientName}` : '',
    privacy.clientPhone && intervention.clientPhone.trim() ? `Phone: ${intervention.clientPhone.trim()}` : '',
    privacy.notes ? intervention.description.trim() : '',
  ]
    .filter(Boolean)
    .join('\n\n');
  return {
    syncKey: syncKeyFor(integrationId, intervention.id),
    interventionId: intervention.id,
    // Always the intervention's short title: the event must say what the slot is for.
    title: intervention.title,
    description,
    location: privacy.address ? intervention.address : '',
    startsAt: intervention.startsAt,
    endsAt: intervention.endsAt,
    timeZone: intervention.timeZone,
  };
}
