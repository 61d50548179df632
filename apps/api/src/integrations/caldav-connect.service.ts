// Connecting a CalDAV server: the person gives a server URL, a user name and an
// app-specific password; we discover their calendars with them (proof they work), then
// store them sealed like OAuth tokens and resume any parked sync. Every failure is a 400
// naming the field to fix; the password is never echoed, logged or returned.
import { Injectable, Logger } from '@nestjs/common';
import type { CalDavConnectRequest, Integration, User } from '@fs/contracts';
import { ApiException, invalidField } from '../common/api-error';
import { Clock } from '../common/clock';
import { IntegrationRepository } from './integration.repository';
import { IntegrationsService } from './integrations.service';
import { AccessTokenRejected, ProviderError, type ProviderErrorCode } from './providers/provider-error';
import { ProviderRegistry } from './providers/provider-registry';
import { CalendarSyncService } from './sync/calendar-sync.service';

/** What the person should fix, by what the server answered. */
const FIELD_BY_CODE: Record<ProviderErrorCode, { field: 'serverUrl' | 'username' | 'password'; message: string }> = {
  AUTH_REVOKED: { field: 'password', message: 'was refused by the server with this user name: use an app-specific password' },
  ACCESS_DENIED: { field: 'username', message: 'may not read calendars on this server' },
  NOT_FOUND: { field: 'serverUrl', message: 'is not a CalDAV server (no calendars found there)' },
  PERMANENT: { field: 'serverUrl', message: 'is not a CalDAV server this app can use (it must be https)' },
  TRANSIENT: { field: 'serverUrl', message: 'did not answer: check the address, or try again later' },
  RATE_LIMITED: { field: 'serverUrl', message: 'is refusing requests for now: try again later' },
};

@Injectable()
export class CalDavConnectService {
  private readonly logger = new Logger(CalDavConnectService.name);

  constructor(
    private readonly registry: ProviderRegistry,
    private readonly integrations: IntegrationRepository,
    private readonly service: IntegrationsService,
    private readonly calendarSync: CalendarSyncService,
    private readonly clock: Clock,
  ) {}

  async connect(user: User, request: CalDavConnectRequest): Promise<Integration> {
    const provider = this.registry.caldav();
    if (!provider) throw new ApiException('PROVIDER_NOT_CONFIGURED', 'CalDAV is not available on this server');
    const account = await provider.connect(request).catch((error: unknown) => {
      if (!(error instanceof ProviderError)) throw error;
      const code = error instanceof AccessTokenRejected ? 'AUTH_REVOKED' : error.code;
      this.logger.warn(`caldav connect refused: ${code} (${error.message})`);
      const { field, message } = FIELD_BY_CODE[code];
      throw invalidField(field, message);
    });
    await this.integrations.saveConnected(user.id, 'caldav', account, this.clock.now());
    // A reconnect resumes what was parked while the password was refused.
    await this.calendarSync.enqueueAllFor(user.id, 'caldav');
    return (await this.service.list(user)).find((i) => i.provider === 'caldav')!;
  }
}
