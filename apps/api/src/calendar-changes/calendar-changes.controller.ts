// Calendar changes (two-way sync): the dispatch inbox, its decisions, and the admin's policy.
import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiOperation, ApiQuery, ApiResponse, ApiTags } from '@nestjs/swagger';
import {
  CALENDAR_CHANGE_STATUSES,
  calendarChangeListQuerySchema,
  calendarChangeSchema,
  calendarChangePolicySettingsSchema,
  type CalendarChange,
  type CalendarChangePolicySettings,
  type User,
} from '@fs/contracts';
import type { z } from 'zod';
import { CurrentUser, Roles } from '../auth/auth.decorators';
import { ApiException } from '../common/api-error';
import { apiError, openApiSchema } from '../common/openapi-schema';
import { ZodValidationPipe } from '../common/zod-validation.pipe';
import { CalendarChangesService } from './calendar-changes.service';

const CHANGE = openApiSchema(calendarChangeSchema);
const POLICY = openApiSchema(calendarChangePolicySettingsSchema);
const DISPATCH_ONLY = apiError(403, 'FORBIDDEN: dispatchers and admins only.');
const UNKNOWN = apiError(404, 'NOT_FOUND: no calendar change with this id.');

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
  @ApiOperation({ summary: 'Calendar changes, newest first', description: 'Dispatch and admins: every change; a technician: their own.' })
  @ApiQuery({ name: 'status', required: false, enum: CALENDAR_CHANGE_STATUSES, description: 'Only changes in this status (open: waiting for dispatch). Absent: all.' })
  @ApiResponse({ status: 200, schema: { type: 'array', items: CHANGE } })
  @ApiResponse(apiError(400, 'VALIDATION_FAILED: an unknown status or query field.'))
  list(
    @CurrentUser() user: User,
    @Query(new ZodValidationPipe(calendarChangeListQuerySchema)) query: z.output<typeof calendarChangeListQuerySchema>,
  ): Promise<CalendarChange[]> {
    return this.changes.list(user, query.status);
  }

  /** 409 when already decided, or when the intervention changed since the change was seen. */
  @Post('calendar-changes/:id/accept')
  @ApiOperation({ summary: 'Accept a calendar change', description: 'A move reschedules the intervention (every calendar follows); a removal unassigns the technician.' })
  @ApiResponse({ status: 200, description: 'The change, now accepted.', schema: CHANGE })
  @ApiResponse(DISPATCH_ONLY)
  @ApiResponse(UNKNOWN)
  @ApiResponse(apiError(409, 'CONFLICT: already decided, or the intervention changed since the change was seen (taking it would undo that edit; reject stays possible).'))
  @Roles('DISPATCHER', 'ADMIN')
  @HttpCode(200)
  accept(@CurrentUser() user: User, @Param('id', idPipe) id: string): Promise<CalendarChange> {
    return this.changes.accept(user, id);
  }

  /** 409 when already decided; possible after the intervention changed (the event follows the intervention). */
  @Post('calendar-changes/:id/reject')
  @ApiOperation({ summary: 'Reject a calendar change', description: 'The event is put back at the intervention\'s time (recreated once after a removal).' })
  @ApiResponse({ status: 200, description: 'The change, now rejected.', schema: CHANGE })
  @ApiResponse(DISPATCH_ONLY)
  @ApiResponse(UNKNOWN)
  @ApiResponse(apiError(409, 'CONFLICT: already decided.'))
  @Roles('DISPATCHER', 'ADMIN')
  @HttpCode(200)
  reject(@CurrentUser() user: User, @Param('id', idPipe) id: string): Promise<CalendarChange> {
    return this.changes.reject(user, id);
  }

  @Get('admin/calendar-change-policy')
  @Roles('ADMIN')
  @ApiOperation({ summary: 'The organisation\'s policy for calendar changes (admins)' })
  @ApiResponse({ status: 200, schema: POLICY })
  async policy(): Promise<CalendarChangePolicySettings> {
    return { policy: await this.changes.policy() };
  }

  @Put('admin/calendar-change-policy')
  @Roles('ADMIN')
  @ApiOperation({ summary: 'Set the policy: propose (dispatch decides), apply (taken at once) or revert (put back at once)' })
  @ApiBody({ schema: openApiSchema(calendarChangePolicySettingsSchema, 'input') })
  @ApiResponse({ status: 200, schema: POLICY })
  async savePolicy(
    @Body(new ZodValidationPipe(calendarChangePolicySettingsSchema)) body: CalendarChangePolicySettings,
  ): Promise<CalendarChangePolicySettings> {
    return { policy: await this.changes.savePolicy(body.policy) };
  }
}
