import { Module } from '@nestjs/common';
import { InterventionsController } from './interventions.controller';
import { InterventionsRepository } from './interventions.repository';
import { InterventionsService } from './interventions.service';

@Module({
  controllers: [InterventionsController],
  providers: [InterventionsService, InterventionsRepository],
  exports: [InterventionsService],
})
export class InterventionsModule {}
