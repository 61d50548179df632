// GET /technicians/:id/busy (and /technicians/busy for everyone at once): when a technician is busy in their own calendars, times only.
// Dispatchers and admins ask about anyone, a technician about themself (403 otherwise).
import { Controller, Get, Param, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { BUSY_REFRESHED_AT_HEADER, busyQuerySchema, type BusyBlock, type TechnicianBusyEntry, type User } from '@fs/contracts';
import type { Response } from 'express';
import type { z } from 'zod';
import { CurrentUser } from '../../auth/auth.decorators';
import { forbidden, notFound } from '../../common/api-error';
import { idParamPipe } from '../../common/id-param.pipe';
import { ZodValidationPipe } from '../../common/zod-validation.pipe';
import { UsersRepository } from '../../users/users.repository';
import { TechnicianAvailability } from './technician-availability';

@ApiTags('technicians')
@ApiBearerAuth()
@Controller('technicians')
export class AvailabilityController {
  constructor(
    private readonly availability: TechnicianAvailability,
    private readonly users: UsersRepository,
  ) {}

  /** Every technician's blocks in the range, so the forms can offer the free ones first. */
  @Get('busy')
  async everyone(
    @CurrentUser() user: User,
    @Query(new ZodValidationPipe(busyQuerySchema)) query: z.output<typeof busyQuerySchema>,
  ): Promise<TechnicianBusyEntry[]> {
    if (user.role === 'TECHNICIAN') throw forbidden('Technicians see only their own availability');
    const technicians = await this.users.listTechnicians();
    return this.availability.busyOfEach(technicians.map((t) => t.id), new Date(query.from), new Date(query.to));
  }

  /** The refresh time travels in a header so the body stays the plain list of blocks. */
  @Get(':id/busy')
  async busy(
    @CurrentUser() user: User,
    @Param('id', idParamPipe) id: string,
    @Query(new ZodValidationPipe(busyQuerySchema)) query: z.output<typeof busyQuerySchema>,
    @Res({ passthrough: true }) response: Response,
  ): Promise<BusyBlock[]> {
    if (user.role === 'TECHNICIAN' && user.id !== id) throw forbidden('Technicians see only their own availability');
    if ((await this.users.findById(id))?.role !== 'TECHNICIAN') throw notFound('Technician');
    const { blocks, refreshedAt } = await this.availability.busy(id, new Date(query.from), new Date(query.to));
    if (refreshedAt) response.setHeader(BUSY_REFRESHED_AT_HEADER, refreshedAt.toISOString());
    return blocks;
  }
}
