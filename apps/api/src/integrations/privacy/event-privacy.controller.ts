// What a calendar event contains: admins read and change it; every signed-in person may
// read it (the technician's Settings card says what is shared).
import { Body, Controller, Get, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { eventPrivacySettingsSchema, type EventPrivacyResponse, type EventPrivacySettings } from '@fs/contracts';
import { Roles } from '../../auth/auth.decorators';
import { ZodValidationPipe } from '../../common/zod-validation.pipe';
import { EventPrivacyService } from './event-privacy.service';

@ApiTags('event privacy')
@ApiBearerAuth()
@Controller()
export class EventPrivacyController {
  constructor(private readonly privacy: EventPrivacyService) {}

  @Get('integrations/event-privacy')
  shared(): Promise<EventPrivacyResponse> {
    return this.privacy.current();
  }

  @Roles('ADMIN')
  @Get('admin/event-privacy')
  get(): Promise<EventPrivacyResponse> {
    return this.privacy.current();
  }

  @Roles('ADMIN')
  @Put('admin/event-privacy')
  update(@Body(new ZodValidationPipe(eventPrivacySettingsSchema)) body: EventPrivacySettings): Promise<EventPrivacyResponse> {
    return this.privacy.update(body);
  }
}
