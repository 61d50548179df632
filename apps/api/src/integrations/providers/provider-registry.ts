// Owns which CalendarProvider serves which provider id. A provider is present only when
// provider-endpoints.ts resolved an OAuth client for it (admin credentials or the
// emulator), or, for CalDAV, always; absent means `available: false` in GET /integrations. Adding a provider is
// adding its folder and one line in ADAPTERS.
import { Inject, Injectable } from '@nestjs/common';
import { CALENDAR_PROVIDERS, type CalendarProviderId } from '@fs/contracts';
import { Clock } from '../../common/clock';
import type { CalendarProvider } from './calendar-provider';
import { CalDavCalendarProvider } from './caldav/caldav-calendar.provider';
import { GoogleCalendarProvider } from './google/google-calendar.provider';
import { MicrosoftCalendarProvider } from './microsoft/microsoft-calendar.provider';
import type { ProviderEndpoints } from './provider-endpoints';

export const PROVIDER_ENDPOINTS = Symbol('ProviderEndpoints');

type AdapterFactories = {
  [K in CalendarProviderId]: (endpoints: NonNullable<ProviderEndpoints[K]>, clock: Clock) => CalendarProvider;
};

const ADAPTERS: AdapterFactories = {
  google: (endpoints, clock) => new GoogleCalendarProvider(endpoints, () => clock.now()),
  microsoft: (endpoints, clock) => new MicrosoftCalendarProvider(endpoints, () => clock.now()),
  caldav: (endpoints, clock) => new CalDavCalendarProvider(endpoints, () => clock.now()),
};

@Injectable()
export class ProviderRegistry {
  private readonly providers = new Map<CalendarProviderId, CalendarProvider>();

  constructor(@Inject(PROVIDER_ENDPOINTS) endpoints: ProviderEndpoints, clock: Clock) {
    for (const id of CALENDAR_PROVIDERS) {
      const resolved = endpoints[id];
      if (resolved) this.providers.set(id, (ADAPTERS[id] as (e: typeof resolved, c: Clock) => CalendarProvider)(resolved, clock));
    }
  }

  /** Undefined when no OAuth client is configured for that provider. */
  get(id: CalendarProviderId): CalendarProvider | undefined {
    return this.providers.get(id);
  }

  /** The CalDAV adapter, for its password connect (the interface's OAuth methods refuse). */
  caldav(): CalDavCalendarProvider | undefined {
    const provider = this.providers.get('caldav');
    return provider instanceof CalDavCalendarProvider ? provider : undefined;
  }

  isAvailable(id: CalendarProviderId): boolean {
    return this.providers.has(id);
  }
}
