// FeedsModule: calendars served straight from interventions, without the sync outbox
// (today the private ICS feed).
import { Module } from '@nestjs/common';
import { IntegrationsModule } from '../integrations/integrations.module';
import { IcsFeedController } from './ics-feed.controller';
import { IcsFeedRepository } from './ics-feed.repository';
import { IcsFeedService } from './ics-feed.service';

@Module({
  imports: [IntegrationsModule],
  controllers: [IcsFeedController],
  providers: [IcsFeedRepository, IcsFeedService],
})
export class FeedsModule {}
