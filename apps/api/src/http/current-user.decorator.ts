import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { Principal } from '@jinlin/domain';

export const CurrentUser = createParamDecorator(
  (_: unknown, context: ExecutionContext): Principal => context.switchToHttp().getRequest<{ user: Principal }>().user,
);
