// The admin's overview of every person's calendar integrations: who must reconnect, whose
// sync fails. Admins only.
import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { AdminIntegration } from '@fs/contracts';
import { Roles } from '../../auth/auth.decorators';
import { AdminIntegrationsQuery } from './admin-integrations.query';

@ApiTags('admin')
@ApiBearerAuth()
@Roles('ADMIN')
@Controller('admin/integrations')
export class AdminIntegrationsController {
  constructor(private readonly integrations: AdminIntegrationsQuery) {}

  @Get()
  list(): Promise<AdminIntegration[]> {
    return this.integrations.list();
  }
}
