import { applyDecorators } from '@nestjs/common';
import { ApiHeader, ApiParam, ApiResponse } from '@nestjs/swagger';

/** Documents the `{id}` of a webhook route, its `If-Match` when it changes something, and the 404. */
export const ApiWebhookTarget = ({
  conditional,
}: {
  readonly conditional: boolean;
}): MethodDecorator =>
  applyDecorators(
    ApiParam({ name: 'id', description: 'The subscription id.' }),
    ...(conditional
      ? [
          ApiHeader({
            name: 'If-Match',
            required: false,
            description: 'The ETag last read: refused with 412 `precondition_failed` when stale.',
          }),
        ]
      : []),
    ApiResponse({
      status: 404,
      description: "`not_found`: missing, deleted, or not the caller's to manage.",
    }),
  );
