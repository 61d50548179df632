import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { Technician, User } from '@fs/contracts';
import { CurrentUser } from '../auth/auth.decorators';
import { UsersRepository } from './users.repository';

@ApiTags('technicians')
@ApiBearerAuth()
@Controller('technicians')
export class UsersController {
  constructor(private readonly users: UsersRepository) {}

  /** Dispatchers and admins see every technician; a technician sees only themself. */
  @Get()
  list(@CurrentUser() user: User): Promise<Technician[]> {
    return this.users.listTechnicians(user.role === 'TECHNICIAN' ? user.id : undefined);
  }
}
