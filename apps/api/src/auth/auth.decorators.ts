// Route metadata for the auth guard: @Public() routes need no token, @Roles(...) limits
// who may call; @CurrentUser() hands the authenticated user to a handler.
import { createParamDecorator, ExecutionContext, SetMetadata } from '@nestjs/common';
import type { Role, User } from '@fs/contracts';

export const IS_PUBLIC = 'auth:isPublic';
export const ROLES = 'auth:roles';

export const Public = () => SetMetadata(IS_PUBLIC, true);
export const Roles = (...roles: Role[]) => SetMetadata(ROLES, roles);

export const CurrentUser = createParamDecorator(
  (_: unknown, ctx: ExecutionContext): User => ctx.switchToHttp().getRequest<{ user: User }>().user,
);
