import { applyDecorators, createParamDecorator, ExecutionContext } from '@nestjs/common';
import { ApiHeader, ApiParam, ApiResponse } from '@nestjs/swagger';
import { Principal } from '@keyledger/domain';
import { AuthenticatedRequest } from '../auth/auth.guard';
import { authenticationRequired } from '../shared/errors/api-error';
import { parseIfMatch } from '../shared/http/if-match';
import { requestContextOf } from '../shared/request-context/request-context.decorator';
import { RequestContext } from '../shared/request-context/request-context';

/** A management command's key (by id or hash), who sends it, and the revision they last saw. */
export interface KeyTarget {
  readonly principal: Principal;
  readonly context: RequestContext;
  readonly idOrHash: string;
  /** The `If-Match` revision; null when the caller sent none. */
  readonly ifMatch: number | null;
}

/**
 * Injects the KeyTarget of a `/api/v1/keys/:id…` write: every key command needs the same four
 * things, read the same way.
 */
export const TargetKey = createParamDecorator((_: unknown, ctx: ExecutionContext): KeyTarget => {
  const request = ctx.switchToHttp().getRequest<AuthenticatedRequest>();
  if (!request.principal) throw authenticationRequired();
  const ifMatch = request.headers['if-match'];
  return {
    principal: request.principal,
    context: requestContextOf(request),
    idOrHash: (request.params as { id: string }).id,
    ifMatch: parseIfMatch(typeof ifMatch === 'string' ? ifMatch : undefined),
  };
});

/** Documents what TargetKey reads (`id`, `If-Match`) and the refusals every key command shares. */
export const ApiKeyTarget = (): MethodDecorator =>
  applyDecorators(
    ApiParam({ name: 'id', description: 'The key id, or the hash of its secret.' }),
    ApiHeader({
      name: 'If-Match',
      required: false,
      description: 'The ETag last read: refused with 412 `precondition_failed` when stale.',
    }),
    ApiResponse({
      status: 404,
      description: '`not_found`: missing, or not visible to the caller.',
    }),
    ApiResponse({ status: 409, description: '`key_revoked`: revoked keys never change.' }),
  );
