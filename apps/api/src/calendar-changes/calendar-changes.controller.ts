// Calendar changes (two-way sync): the dispatch inbox, its decisions, and the admin's policy.
import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import {
  calendarChangeListQuerySchema,
  calendarChangePolicySettingsSchema,
  type CalendarChange,
  type CalendarChangePolicySettings,
  type User,
} from '@fs/contracts';
import type { z } from 'zod';
import { CurrentUser, Roles } from '../auth/auth.decorators';
import { ApiException } from '../common/api-error';
import { ZodValidationPipe } from '../common/zod-validation.pipe';
import { CalendarChangesService } from './calendar-changes.service';

const idPipe = new ParseUUIDPipe({
  exceptionFactory: () => new ApiException('VALIDATION_FAILED', 'id must be a UUID', [{ field: 'id', message: 'must be a UUID' }]),
});

@ApiTags('calendar changes')
@ApiBearerAuth()
@Controller()
export class CalendarChangesController {
  constructor(private readonly changes: CalendarChangesService) {}

  /** Dispatch and admins: every change; a technician: their own. */
  @Get('calendar-changes')
  list(
    @CurrentUser() user: User,
    @Query(new ZodValidationPipe(calendarChangeListQuerySchema)) query: z.output<typeof calendarChangeListQuerySchema>,
  ): Promise<CalendarChange[]> {
    return this.changes.list(user, query.status);
  }

  /** 409 when already decided, or when the intervention changed since the change was seen. */
  @Post('calendar-changes/:id/accept')
  @Roles('DISPATCHER', 'ADMIN')
  @HttpCode(200)
  accept(@CurrentUser() user: User, @Param('id', idPipe) id: string): Promise<CalendarChange> {
    return this.changes.accept(user, id);
  }

  /** 409 when already decided; possible after the intervention changed (the event follows the intervention). */
  @Post('calendar-changes/:id/reject')
  @Roles('DISPATCHER', 'ADMIN')
  @HttpCode(200)
  reject(@CurrentUser() user: User, @Param('id', idPipe) id: string): Promise<CalendarChange> {
    return this.changes.reject(user, id);
  }

  @Get('admin/calendar-change-policy')
  @Roles('ADMIN')
  async policy(): Promise<CalendarChangePolicySettings> {
    return { policy: await this.changes.policy() };
  }

  @Put('admin/calendar-change-policy')
  @Roles('ADMIN')
  async savePolicy(
    @Body(new ZodValidationPipe(calendarChangePolicySettingsSchema)) body: CalendarChangePolicySettings,
  ): Promise<CalendarChangePolicySettings> {
    return { policy: await this.changes.savePolicy(body.policy) };
  }
}
