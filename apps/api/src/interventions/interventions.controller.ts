import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import {
  createInterventionSchema,
  listInterventionsQuerySchema,
  updateInterventionSchema,
  type Intervention,
  type InterventionWriteResult,
  type User,
} from '@fs/contracts';
import type { z } from 'zod';
import { CurrentUser, Roles } from '../auth/auth.decorators';
import { ApiException } from '../common/api-error';
import { ZodValidationPipe } from '../common/zod-validation.pipe';
import { InterventionsService } from './interventions.service';

const idPipe = new ParseUUIDPipe({
  exceptionFactory: () => new ApiException('VALIDATION_FAILED', 'id must be a UUID', [{ field: 'id', message: 'must be a UUID' }]),
});

@ApiTags('interventions')
@ApiBearerAuth()
@Controller('interventions')
export class InterventionsController {
  constructor(private readonly interventions: InterventionsService) {}

  @Get()
  list(
    @CurrentUser() user: User,
    @Query(new ZodValidationPipe(listInterventionsQuerySchema)) query: z.output<typeof listInterventionsQuerySchema>,
  ): Promise<Intervention[]> {
    return this.interventions.list(user, query);
  }

  @Get(':id')
  get(@CurrentUser() user: User, @Param('id', idPipe) id: string): Promise<Intervention> {
    return this.interventions.get(user, id);
  }

  @Post()
  create(
    @CurrentUser() user: User,
    @Body(new ZodValidationPipe(createInterventionSchema)) body: z.output<typeof createInterventionSchema>,
  ): Promise<InterventionWriteResult> {
    return this.interventions.create(user, body);
  }

  @Patch(':id')
  update(
    @CurrentUser() user: User,
    @Param('id', idPipe) id: string,
    @Body(new ZodValidationPipe(updateInterventionSchema)) body: z.output<typeof updateInterventionSchema>,
  ): Promise<InterventionWriteResult> {
    return this.interventions.update(user, id, body);
  }

  /** Writes the intervention again to each of its technician's calendars (after a failure). */
  @Post(':id/sync/retry')
  @HttpCode(200)
  retrySync(@CurrentUser() user: User, @Param('id', idPipe) id: string): Promise<Intervention> {
    return this.interventions.retrySync(user, id);
  }

  @Post(':id/cancel')
  @HttpCode(200)
  cancel(@CurrentUser() user: User, @Param('id', idPipe) id: string): Promise<Intervention> {
    return this.interventions.cancel(user, id);
  }

  @Delete(':id')
  @Roles('DISPATCHER', 'ADMIN')
  @HttpCode(204)
  remove(@CurrentUser() user: User, @Param('id', idPipe) id: string): Promise<void> {
    return this.interventions.remove(user, id);
  }
}
