import { Controller, Get, HttpException } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Public } from '../auth/auth.decorators';
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
      throw new HttpException({ status: 'error', database: 'down' }, 503);
    }
    return { status: 'ok', database: 'up', databaseKind: this.prisma.kind };
  }
}
