// The global guard: every route needs a valid bearer token unless marked @Public(),
// and the caller's role must be one of the route's @Roles() when it has any.
import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request } from 'express';
import type { Role, User } from '@fs/contracts';
import { ApiException } from '../common/api-error';
import { IS_PUBLIC, ROLES } from './auth.decorators';
import { AuthService } from './auth.service';

@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly auth: AuthService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets)) return true;
    const request = context.switchToHttp().getRequest<Request & { user?: User }>();
    const token = /^Bearer (.+)$/i.exec(request.headers.authorization ?? '')?.[1];
    const user = token ? await this.auth.userFromToken(token) : null;
    if (!user) throw new ApiException('UNAUTHENTICATED', 'A valid bearer token is required');
    request.user = user;
    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(ROLES, targets);
    if (roles && !roles.includes(user.role)) {
      throw new ApiException('FORBIDDEN', `This action needs one of the roles: ${roles.join(', ')}`);
    }
    return true;
  }
}
