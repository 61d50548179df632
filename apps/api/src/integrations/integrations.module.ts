// IntegrationsModule: a person's Google / Microsoft / CalDAV calendar connections. Provider
// endpoints are resolved once while the app is created (an async factory: in emulator
// mode it reads the emulator's /_emulator/info), so a bad setup fails at boot.
import { Module } from '@nestjs/common';
import { AppConfig } from '../config/app-config';
import { AdminIntegrationsController } from './admin/admin-integrations.controller';
import { AdminIntegrationsQuery } from './admin/admin-integrations.query';
import { UsersModule } from '../users/users.module';
import { AvailabilityController } from './availability/availability.controller';
import { AvailabilitySource } from './availability/availability-source';
import { BusyBlockRepository } from './availability/busy-block.repository';
import { BusyRefresher } from './availability/busy-refresher';
import { TechnicianAvailability } from './availability/technician-availability';
import { CalDavConnectService } from './caldav-connect.service';
import { DisconnectionService } from './disconnection.service';
import { GrantCheck } from './grant-check.service';
import { IntegrationAccess } from './integration-access.service';
import { CalendarPullRepository } from './inbound/calendar-pull.repository';
import { CalendarPuller } from './inbound/calendar-puller';
import { InboundCalendarChanges } from './inbound/inbound-calendar-changes';
import { IntegrationRepository } from './integration.repository';
import { IntegrationsController } from './integrations.controller';
import { IntegrationsService } from './integrations.service';
import { OAuthStateService } from './oauth/oauth-state.service';
import { EventPrivacyController } from './privacy/event-privacy.controller';
import { EventPrivacyRepository } from './privacy/event-privacy.repository';
import { EventPrivacyService } from './privacy/event-privacy.service';
import { TokenVault } from './oauth/token-vault';
import { resolveProviderEndpoints } from './providers/provider-endpoints';
import { PROVIDER_ENDPOINTS, ProviderRegistry } from './providers/provider-registry';
import { CalendarSyncService } from './sync/calendar-sync.service';
import { SyncJobRepository } from './sync/sync-job.repository';
import { InterventionSyncRepository } from './sync/intervention-sync.repository';
import { SyncSource } from './sync/sync-source';
import { SyncStatusReader } from './sync/sync-status.reader';
import { SyncWorker } from './sync/sync-worker';
import { SyncWorkerLoop } from './sync/sync-worker-loop';
import { ProviderPace } from './sync/provider-pace';
import { OrganisationConnectionRepository } from './organisation/organisation-connection.repository';
import { OrganisationController } from './organisation/organisation.controller';
import { OrganisationProvisioner } from './organisation/organisation-provisioner';
import { OrganisationService } from './organisation/organisation.service';
import { OrganisationTokens } from './organisation/organisation-tokens';
import { PushNotificationsController } from './push/push-notifications.controller';
import { PushNotificationsService } from './push/push-notifications.service';
import { WatchChannelRepository } from './push/watch-channel.repository';
import { WatchKeeper } from './push/watch-keeper';

@Module({
  imports: [UsersModule],
  controllers: [IntegrationsController, EventPrivacyController, AdminIntegrationsController, AvailabilityController, OrganisationController, PushNotificationsController],
  providers: [
    { provide: PROVIDER_ENDPOINTS, inject: [AppConfig], useFactory: (config: AppConfig) => resolveProviderEndpoints(config.env) },
    ProviderRegistry,
    TokenVault,
    OAuthStateService,
    IntegrationRepository,
    IntegrationAccess,
    IntegrationsService,
    CalDavConnectService,
    DisconnectionService,
    GrantCheck,
    SyncJobRepository,
    CalendarSyncService,
    InterventionSyncRepository,
    SyncSource,
    SyncWorker,
    SyncWorkerLoop,
    ProviderPace,
    EventPrivacyRepository,
    EventPrivacyService,
    AdminIntegrationsQuery,
    AvailabilitySource,
    BusyBlockRepository,
    BusyRefresher,
    TechnicianAvailability,
    SyncStatusReader,
    CalendarPullRepository,
    CalendarPuller,
    InboundCalendarChanges,
    OrganisationConnectionRepository,
    OrganisationTokens,
    OrganisationProvisioner,
    OrganisationService,
    WatchChannelRepository,
    WatchKeeper,
    PushNotificationsService,
  ],
  // What other modules need: enqueue sync jobs in the intervention's transaction, read the
  // sync state and busy blocks returned with each intervention (read ports, never a provider
  // call), and the event privacy settings (the ICS feed).
  // Two-way sync: the port the calendar-changes feature binds its recorder to.
  exports: [CalendarSyncService, SyncStatusReader, TechnicianAvailability, EventPrivacyService, InboundCalendarChanges],
})
export class IntegrationsModule {}
