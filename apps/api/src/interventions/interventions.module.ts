import { Module } from '@nestjs/common';
import { IntegrationsModule } from '../integrations/integrations.module';
import { InterventionsController } from './interventions.controller';
import { InterventionsRepository } from './interventions.repository';
import { InterventionsService } from './interventions.service';

@Module({
  imports: [IntegrationsModule],
  controllers: [InterventionsController],
  providers: [InterventionsService, InterventionsRepository],
  exports: [InterventionsService],
})
export class InterventionsModule {}
