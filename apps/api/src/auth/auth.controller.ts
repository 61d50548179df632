import { Body, Controller, Get, HttpCode, Ip, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { loginRequestSchema, type LoginResponse, type User } from '@fs/contracts';
import { ZodValidationPipe } from '../common/zod-validation.pipe';
import { CurrentUser, Public } from './auth.decorators';
import { AuthService } from './auth.service';

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(private readonly auth: AuthService) {}

  @Public()
  @Post('login')
  @HttpCode(200)
  login(
    @Body(new ZodValidationPipe(loginRequestSchema)) body: { email: string; password: string },
    @Ip() address: string,
  ): Promise<LoginResponse> {
    return this.auth.login(body.email, body.password, address);
  }

  @ApiBearerAuth()
  @Get('me')
  me(@CurrentUser() user: User): User {
    return user;
  }
}
