import { ApiResponse } from '@nestjs/swagger';
import { ApiTarget } from '../shared/http/command-target';

/** Documents the target of a `/api/v1/keys/:id…` command and the refusals they all share. */
export const ApiKeyTarget = (): MethodDecorator =>
  ApiTarget(
    {
      id: 'The key id, or the hash of its secret.',
      notFound: 'missing, or not visible to the caller.',
    },
    ApiResponse({ status: 409, description: '`key_revoked`: revoked keys never change.' }),
  );
