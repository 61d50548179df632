// Intervention row -> the calendar event a technician sees. Pure: the adapters turn this
// into each provider's payload; nothing here knows a provider.
import type { CalendarEventInput } from '../providers/calendar-provider';

export interface InterventionForEvent {
  id: string;
  title: string;
  description: string;
  clientName: string;
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

export function toCalendarEventInput(integrationId: string, intervention: InterventionForEvent): CalendarEventInput {
  // The client comes first: it is what a technician scans for in a phone's agenda view.
  const description = [`Client: ${intervention.clientName}`, intervention.description.trim()].filter(Boolean).join('\n\n');
  return {
    syncKey: syncKeyFor(integrationId, intervention.id),
    interventionId: intervention.id,
    title: intervention.title,
    description,
    location: intervention.address,
    startsAt: intervention.startsAt,
    endsAt: intervention.endsAt,
    timeZone: intervention.timeZone,
  };
}
