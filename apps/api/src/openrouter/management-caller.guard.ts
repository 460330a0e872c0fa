import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { AuthenticatedRequest } from '../auth/auth.guard';
import { authenticationRequired } from '../shared/errors/api-error';
import { assertAdministersKeys } from './management-caller';

/**
 * Runs after the global AuthGuard on the `/keys` routes: refuses a key without the management
 * scope before its body is even validated.
 */
@Injectable()
export class ManagementCallerGuard implements CanActivate {
  canActivate(context: ExecutionContext): boolean {
    const principal = context.switchToHttp().getRequest<AuthenticatedRequest>().principal;
    if (!principal) throw authenticationRequired();
    assertAdministersKeys(principal);
    return true;
  }
}
