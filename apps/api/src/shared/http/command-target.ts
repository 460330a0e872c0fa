import { applyDecorators, createParamDecorator, ExecutionContext } from '@nestjs/common';
import { ApiHeader, ApiParam, ApiResponse } from '@nestjs/swagger';
import { AuthenticatedRequest } from '../../auth/auth.guard';
import { authenticationRequired } from '../errors/api-error';
import { requestContextOf } from '../request-context/request-context.decorator';
import { Caller } from '../writes/write-pipeline';
import { parseIfMatch } from './if-match';

/** A command's subject (the route's `:id`), who sends it, and the revision they last saw. */
export interface CommandTarget extends Caller {
  /** The `:id` of the route: a key's id or secret hash, a preference's or subscription's id. */
  readonly id: string;
}

/**
 * Injects the CommandTarget of a `…/:id…` write (`@Target('org_id')` for another route param):
 * every command on an existing resource needs the same four things, read the same way. Each
 * resource documents them with its own `Api…Target`.
 */
export const Target = createParamDecorator(
  (param: string | undefined, ctx: ExecutionContext): CommandTarget => {
    const request = ctx.switchToHttp().getRequest<AuthenticatedRequest>();
    if (!request.principal) throw authenticationRequired();
    const ifMatch = request.headers['if-match'];
    return {
      principal: request.principal,
      context: requestContextOf(request),
      id: (request.params as Record<string, string>)[param ?? 'id'],
      ifMatch: parseIfMatch(typeof ifMatch === 'string' ? ifMatch : undefined),
    };
  },
);

/** Documents the `If-Match` a conditional command honours. */
export const ApiIfMatch = (): MethodDecorator =>
  ApiHeader({
    name: 'If-Match',
    required: false,
    description: 'The ETag last read: refused with 412 `precondition_failed` when stale.',
  });

/** How a resource documents the target of its commands. */
export interface TargetDocs {
  /** What the `:id` names. */
  readonly id: string;
  /** When the target is a 404. */
  readonly notFound: string;
  /** Whether the route honours `If-Match` (commands do, reads send the ETag). */
  readonly conditional?: boolean;
}

/** Documents what `@Target()` reads (`id`, `If-Match`) and the 404 every command of a resource shares. */
export const ApiTarget = (
  { id, notFound, conditional = true }: TargetDocs,
  ...more: MethodDecorator[]
): MethodDecorator =>
  applyDecorators(
    ApiParam({ name: 'id', description: id }),
    ...(conditional ? [ApiIfMatch()] : []),
    ApiResponse({ status: 404, description: `\`not_found\`: ${notFound}` }),
    ...more,
  );
