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

/** What an event says about an intervention, in every calendar (providers and the ICS feed). */
export function describeIntervention(
  intervention: Pick<InterventionForEvent, 'title' | 'description' | 'clientName' | 'address'>,
): { title: string; description: string; location: string } {
  // The client comes first: it is what a technician scans for in a phone's agenda view.
  const description = [`Client: ${intervention.clientName}`, intervention.description.trim()].filter(Boolean).join('\n\n');
  return { title: intervention.title, description, location: intervention.address };
}

export function toCalendarEventInput(integrationId: string, intervention: InterventionForEvent): CalendarEventInput {
  return {
    syncKey: syncKeyFor(integrationId, intervention.id),
    interventionId: intervention.id,
    ...describeIntervention(intervention),
    startsAt: intervention.startsAt,
    endsAt: intervention.endsAt,
    timeZone: intervention.timeZone,
    ...(intervention.version !== undefined ? { sequence: intervention.version } : {}),
  };
}
