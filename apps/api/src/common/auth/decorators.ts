import { createParamDecorator, ExecutionContext, SetMetadata } from '@nestjs/common';
import type { UserRole } from '@skillgrid/shared';
import type { SessionUser } from './session-user';

export const IS_PUBLIC = 'isPublic';
export const ROLES = 'roles';

/** No session needed (health, login, the public verification endpoint). */
export const Public = () => SetMetadata(IS_PUBLIC, true);

/** Only these personas may call the handler; everyone else gets 403. `admin` is always allowed. */
export const Roles = (...roles: UserRole[]) => SetMetadata(ROLES, roles);

export const CurrentUser = createParamDecorator((_data: unknown, context: ExecutionContext): SessionUser => {
  return context.switchToHttp().getRequest<{ user: SessionUser }>().user;
});
