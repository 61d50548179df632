import { Controller, Get } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Public } from '../auth/auth.decorators';
import { ApiException } from '../common/api-error';
import { PrismaService } from '../database/prisma.service';

@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(private readonly prisma: PrismaService) {}

  /** 200 when the database answers, 503 otherwise, so a load balancer can act on it. */
  @Public()
  @Get()
  async check(): Promise<{ status: 'ok'; database: 'up'; databaseKind: string }> {
    if (!(await this.prisma.isUp())) {
      throw new ApiException('SERVICE_UNAVAILABLE', 'The database does not answer');
    }
    return { status: 'ok', database: 'up', databaseKind: this.prisma.kind };
  }
}
