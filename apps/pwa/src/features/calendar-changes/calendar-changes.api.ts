// Calls to /calendar-changes (what technicians changed in their own calendar, for dispatch to
// decide) and to the organisation's policy for them, with the query factories that cache them.
import { queryOptions } from '@tanstack/react-query';
import type { CalendarChange, CalendarChangePolicySettings, CalendarChangeStatus } from '@fs/contracts';
import { apiRequest } from '../../api/http';
import { INBOX_REFRESH_MS } from '../../app/live-refresh';

export const calendarChangeKeys = {
  all: ['calendar-changes'] as const,
  list: (status: CalendarChangeStatus) => ['calendar-changes', 'list', status] as const,
  own: ['calendar-changes', 'own'] as const,
  policy: ['calendar-change-policy'] as const,
};

export function listCalendarChanges(status: CalendarChangeStatus): Promise<CalendarChange[]> {
  return apiRequest<CalendarChange[]>('/calendar-changes', { query: { status } });
}

/** Without a status: every change the caller may see (a technician: their own), newest first. */
export function listAllCalendarChanges(): Promise<CalendarChange[]> {
  return apiRequest<CalendarChange[]>('/calendar-changes');
}

export function acceptCalendarChange(id: string): Promise<CalendarChange> {
  return apiRequest<CalendarChange>(`/calendar-changes/${encodeURIComponent(id)}/accept`, { method: 'POST' });
}

export function rejectCalendarChange(id: string): Promise<CalendarChange> {
  return apiRequest<CalendarChange>(`/calendar-changes/${encodeURIComponent(id)}/reject`, { method: 'POST' });
}

export function getCalendarChangePolicy(): Promise<CalendarChangePolicySettings> {
  return apiRequest<CalendarChangePolicySettings>('/admin/calendar-change-policy');
}

export function saveCalendarChangePolicy(settings: CalendarChangePolicySettings): Promise<CalendarChangePolicySettings> {
  return apiRequest<CalendarChangePolicySettings>('/admin/calendar-change-policy', { method: 'PUT', body: settings });
}

/**
 * Polled while visible: changes arrive from technicians' calendars without anyone here doing
 * anything. The nav badge and the inbox's default view share the 'open' query (one poll).
 */
export function calendarChangesQuery(status: CalendarChangeStatus, enabled = true) {
  return queryOptions({
    queryKey: calendarChangeKeys.list(status),
    queryFn: () => listCalendarChanges(status),
    enabled,
    refetchInterval: INBOX_REFRESH_MS,
    refetchOnWindowFocus: 'always',
  });
}

/** A technician's own changes, open and decided: where each stands, polled like the inbox. */
export function ownCalendarChangesQuery() {
  return queryOptions({
    queryKey: calendarChangeKeys.own,
    queryFn: listAllCalendarChanges,
    refetchInterval: INBOX_REFRESH_MS,
    refetchOnWindowFocus: 'always',
  });
}

export function calendarChangePolicyQuery() {
  return queryOptions({ queryKey: calendarChangeKeys.policy, queryFn: getCalendarChangePolicy });
}
