import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import { Principal } from '@keyledger/domain';
import { authenticationRequired } from '../shared/errors/api-error';
import { AuthenticatedRequest } from './auth.guard';

/** Injects the authenticated caller into a controller method. */
export const CurrentPrincipal = createParamDecorator(
  (_: unknown, ctx: ExecutionContext): Principal => {
    const principal = ctx.switchToHttp().getRequest<AuthenticatedRequest>().principal;
    if (!principal) throw authenticationRequired();
    return principal;
  },
);
