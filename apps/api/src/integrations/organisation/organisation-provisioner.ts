// Turns "the company is connected to <provider>" into one calendar_integrations row of kind
// ORGANISATION per covered technician, so the outbox, planner, worker, retries, states and
// visibility work for them unchanged. Runs when the admin connects, reconnects or changes the
// settings (an admin's request; never an intervention's). For each covered technician: does
// a mailbox answer to their email and may the app write it (a probe), which calendar is the
// target (primary, or the named one, created if missing); then the row is adopted and a full
// resync queued. A technician without a mailbox or outside the company's access policy is
// recorded as such (no row, so no job is ever retried for them); one left out of the
// coverage gets their row back, not connected.
import { Injectable, Logger } from '@nestjs/common';
import type { OrganisationProviderId, ProviderCalendar } from '@fs/contracts';
import { Clock } from '../../common/clock';
import { UsersRepository } from '../../users/users.repository';
import { BusyBlockRepository } from '../availability/busy-block.repository';
import { IntegrationAccess } from '../integration-access.service';
import { IntegrationRepository } from '../integration.repository';
import type { CalendarProvider, TokenContext } from '../providers/calendar-provider';
import { ProviderError } from '../providers/provider-error';
import { CalendarSyncService } from '../sync/calendar-sync.service';
import { OrganisationConnectionRepository, type Unreachable } from './organisation-connection.repository';

@Injectable()
export class OrganisationProvisioner {
  private readonly logger = new Logger(OrganisationProvisioner.name);

  constructor(
    private readonly connections: OrganisationConnectionRepository,
    private readonly integrations: IntegrationRepository,
    private readonly access: IntegrationAccess,
    private readonly users: UsersRepository,
    private readonly calendarSync: CalendarSyncService,
    private readonly busyBlocks: BusyBlockRepository,
    private readonly clock: Clock,
  ) {}

  /** Brings every technician's row in line with the connection and its settings. Throws AUTH_REVOKED if the grant is gone. */
  async provision(provider: CalendarProvider): Promise<void> {
    const id = provider.id as OrganisationProviderId;
    const connection = await this.connections.find(id);
    if (connection?.status !== 'CONNECTED') return;
    const technicians = await this.users.listTechnicians();
    const unreachable: Unreachable = {};
    for (const technician of technicians) {
      const covered = connection.coverAll || connection.coveredUserIds.includes(technician.id);
      if (!covered) {
        await this.release(technician.id, id);
        continue;
      }
      const gap = await this.adopt(provider, technician, connection.calendarName);
      if (gap) unreachable[technician.id] = gap;
    }
    await this.connections.setUnreachable(id, unreachable);
  }

  /** Releases every row the connection holds (the admin disconnected). Their events stay in their calendars. */
  async releaseAll(provider: OrganisationProviderId): Promise<void> {
    for (const row of await this.integrations.organisationRows(provider)) await this.release(row.userId, provider);
  }

  private async adopt(provider: CalendarProvider, technician: { id: string; email: string }, calendarName: string | null): Promise<Unreachable[string] | undefined> {
    let target: ProviderCalendar;
    try {
      target = await this.access.probeOrganisation(provider, technician.email, (context) => this.targetCalendar(provider, context, calendarName));
    } catch (error) {
      if (!(error instanceof ProviderError) || error.code === 'AUTH_REVOKED') throw error;
      if (error.code !== 'NOT_FOUND' && error.code !== 'ACCESS_DENIED') {
        // Throttled or down: nothing learnt about this mailbox; the next provisioning tries again.
        this.logger.warn(`${provider.id} org-wide: technician ${technician.id} not provisioned now: ${error.code}`);
        return undefined;
      }
      await this.release(technician.id, provider.id as OrganisationProviderId);
      return error.code === 'NOT_FOUND' ? 'NO_MAILBOX' : 'MAILBOX_NO_ACCESS';
    }
    await this.integrations.adoptForOrganisation(technician.id, provider.id, { mailbox: technician.email, calendarId: target.id, calendarName: target.name }, this.clock.now());
    // Everything of the sync window, and whatever a personal connection wrote, now goes through this row.
    await this.calendarSync.enqueueAllFor(technician.id, provider.id);
    // Dispatch sees the technician's busy times from now, not from the refresher's next tick.
    await this.busyBlocks.refreshSoon(technician.id, provider.id, this.clock.now());
    return undefined;
  }

  private async targetCalendar(provider: CalendarProvider, context: TokenContext, calendarName: string | null): Promise<ProviderCalendar> {
    if (calendarName) return provider.organisation!.ensureCalendar(context, calendarName);
    const primary = (await provider.listCalendars(context)).find((calendar) => calendar.primary);
    if (!primary) throw new ProviderError('NOT_FOUND', `${provider.id}: the mailbox has no primary calendar`);
    return primary;
  }

  private async release(userId: string, provider: OrganisationProviderId): Promise<void> {
    if ((await this.integrations.organisationMailbox(userId, provider)) === undefined) return;
    await this.calendarSync.onDisconnected(userId, provider);
    await this.integrations.releaseFromOrganisation(userId, provider);
  }
}
