// IntegrationsModule: a person's Google / Microsoft / CalDAV calendar connections. Provider
// endpoints are resolved once while the app is created (an async factory: in emulator
// mode it reads the emulator's /_emulator/info), so a bad setup fails at boot.
import { Module } from '@nestjs/common';
import { AppConfig } from '../config/app-config';
import { CalDavConnectService } from './caldav-connect.service';
import { IntegrationAccess } from './integration-access.service';
import { IntegrationRepository } from './integration.repository';
import { IntegrationsController } from './integrations.controller';
import { IntegrationsService } from './integrations.service';
import { OAuthStateService } from './oauth/oauth-state.service';
import { TokenVault } from './oauth/token-vault';
import { resolveProviderEndpoints } from './providers/provider-endpoints';
import { PROVIDER_ENDPOINTS, ProviderRegistry } from './providers/provider-registry';
import { CalendarSyncService } from './sync/calendar-sync.service';
import { SyncJobRepository } from './sync/sync-job.repository';
import { InterventionSyncRepository } from './sync/intervention-sync.repository';
import { SyncSource } from './sync/sync-source';
import { SyncWorker } from './sync/sync-worker';

@Module({
  controllers: [IntegrationsController],
  providers: [
    { provide: PROVIDER_ENDPOINTS, inject: [AppConfig], useFactory: (config: AppConfig) => resolveProviderEndpoints(config.env) },
    ProviderRegistry,
    TokenVault,
    OAuthStateService,
    IntegrationRepository,
    IntegrationAccess,
    IntegrationsService,
    CalDavConnectService,
    SyncJobRepository,
    CalendarSyncService,
    InterventionSyncRepository,
    SyncSource,
    SyncWorker,
  ],
  // What InterventionsService needs: enqueue sync jobs in its own transaction.
  exports: [CalendarSyncService],
})
export class IntegrationsModule {}
