// CalendarChangesModule: two-way sync's inbox. It depends on both sides (integrations, which
// pulls the calendars and defines the port, and interventions, the system of record); neither
// depends on it.
import { Module } from '@nestjs/common';
import { IntegrationsModule } from '../integrations/integrations.module';
import { InterventionsModule } from '../interventions/interventions.module';
import { CalendarChangeRepository } from './calendar-change.repository';
import { CalendarChangeSettingsRepository } from './calendar-change-settings.repository';
import { CalendarChangesController } from './calendar-changes.controller';
import { CalendarChangesService } from './calendar-changes.service';

@Module({
  imports: [IntegrationsModule, InterventionsModule],
  controllers: [CalendarChangesController],
  providers: [CalendarChangeRepository, CalendarChangeSettingsRepository, CalendarChangesService],
})
export class CalendarChangesModule {}
