// Does a connected grant still work? A person can revoke our access at the provider at any
// time, and we only learn it when we call the provider. Without sync work to do that could
// be never, and an open Settings page would keep saying "Connected". So listing the
// integrations asks the provider (the cheapest authenticated call: list calendars) at most
// every GRANT_CHECK_INTERVAL_MS per person and provider; a refused grant is marked
// NEEDS_RECONNECT by IntegrationAccess like any other call. Any other failure (throttling,
// outage) says nothing about the grant and is ignored here.
import { Injectable } from '@nestjs/common';
import type { CalendarProviderId } from '@fs/contracts';
import { Clock } from '../common/clock';
import { AppConfig } from '../config/app-config';
import { IntegrationAccess } from './integration-access.service';
import { ProviderRegistry } from './providers/provider-registry';

/** The list answers after this even if the provider is slow; the check finishes in the background. */
const WAIT_MS = 1_500;

@Injectable()
export class GrantCheck {
  private readonly lastChecked = new Map<string, number>();

  constructor(
    private readonly access: IntegrationAccess,
    private readonly registry: ProviderRegistry,
    private readonly config: AppConfig,
    private readonly clock: Clock,
  ) {}

  /** Checks the person's connected grants that are due; resolves true when a check ran (re-read the rows). */
  async checkDue(userId: string, connected: CalendarProviderId[]): Promise<boolean> {
    const interval = this.config.env.GRANT_CHECK_INTERVAL_MS;
    if (interval === 0) return false;
    const now = this.clock.now().getTime();
    const checks = connected.flatMap((providerId) => {
      const provider = this.registry.get(providerId);
      const key = `${userId}:${providerId}`;
      const last = this.lastChecked.get(key);
      // A clock that went back (tests, a corrected server clock) makes the check due.
      if (!provider || (last !== undefined && now >= last && now - last < interval)) return [];
      this.lastChecked.set(key, now);
      return [this.access.run(userId, provider, (context) => provider.listCalendars(context)).then(() => undefined, () => undefined)];
    });
    if (checks.length === 0) return false;
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<void>((resolve) => {
      timer = setTimeout(resolve, WAIT_MS);
      timer.unref();
    });
    await Promise.race([Promise.all(checks), timeout]);
    clearTimeout(timer);
    return true;
  }
}
