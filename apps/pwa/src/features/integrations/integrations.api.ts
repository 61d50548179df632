// Calls to /integrations (the person's Google / Microsoft / CalDAV calendar connections), with the
// query factories that cache them. The PWA never sees a provider token: only statuses,
// the account email and the calendars the API lists for us.
import { queryOptions } from '@tanstack/react-query';
import type {
  AuthUrlResponse,
  CalDavConnectRequest,
  CalendarProviderId,
  Integration,
  IntegrationSettingsRequest,
  ProviderCalendar,
} from '@fs/contracts';
import { apiRequest } from '../../api/http';
import { SETTINGS_REFRESH_MS } from '../../app/live-refresh';

export const integrationKeys = {
  all: ['integrations'] as const,
  list: ['integrations', 'list'] as const,
  calendars: (provider: CalendarProviderId) => ['integrations', 'calendars', provider] as const,
};

const path = (provider: CalendarProviderId) => `/integrations/${encodeURIComponent(provider)}`;

export function listIntegrations(): Promise<Integration[]> {
  return apiRequest<Integration[]>('/integrations');
}

export function listProviderCalendars(provider: CalendarProviderId): Promise<ProviderCalendar[]> {
  return apiRequest<ProviderCalendar[]>(`${path(provider)}/calendars`);
}

/** The provider's consent page URL (single-use state, PKCE) to send the browser to. */
export function startAuthorization(provider: CalendarProviderId): Promise<AuthUrlResponse> {
  return apiRequest<AuthUrlResponse>(`${path(provider)}/auth`);
}

/** CalDAV has no consent page: the API checks the credentials against the server and stores them sealed. */
export function connectCalDav(request: CalDavConnectRequest): Promise<Integration> {
  return apiRequest<Integration>('/integrations/caldav/connect', { method: 'POST', body: request });
}

export function updateIntegrationSettings(provider: CalendarProviderId, settings: IntegrationSettingsRequest): Promise<Integration> {
  return apiRequest<Integration>(`${path(provider)}/settings`, { method: 'POST', body: settings });
}

/** Resolves with the integration (DISCONNECTING) while our events are being removed, undefined once disconnected. */
export function disconnectIntegration(provider: CalendarProviderId, removeEvents: boolean): Promise<Integration | undefined> {
  return apiRequest<Integration | undefined>(path(provider), { method: 'DELETE', query: { removeEvents: String(removeEvents) } });
}

/** "Retry failed": every intervention the sync gave up on is sent again. */
export function retryFailedSync(provider: CalendarProviderId): Promise<Integration> {
  return apiRequest<Integration>(`${path(provider)}/retry`, { method: 'POST' });
}

/** Polled while the page is visible: sync progress and failures, and a grant revoked at the provider, show without a reload. */
export function integrationsQuery() {
  return queryOptions({ queryKey: integrationKeys.list, queryFn: listIntegrations, refetchInterval: SETTINGS_REFRESH_MS, refetchOnWindowFocus: 'always' });
}

/** Asks the provider through the API, so only while connected; kept a minute (calendars rarely change). */
export function providerCalendarsQuery(provider: CalendarProviderId, enabled: boolean) {
  return queryOptions({
    queryKey: integrationKeys.calendars(provider),
    queryFn: () => listProviderCalendars(provider),
    enabled,
    staleTime: 60 * 1000,
  });
}
