import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { Principal } from '@keyledger/domain';
import { ApiError } from '../../../shared/errors/api-error';
import { Versioned } from '../../../shared/writes/write-result';
import { KeyReader } from '../../key-reader';
import { KeyView } from '../../key-view';

export class GetCallingKeyQuery {
  constructor(readonly principal: Principal) {}
}

/**
 * The key the request authenticated with. Any scope may ask: a key may always know its own
 * name, limits and expiry. A session token has no key to describe, which is a refusal (403
 * `api_key_required`) rather than a 404, so a client sees at once it sent the wrong credential.
 */
@QueryHandler(GetCallingKeyQuery)
export class GetCallingKeyHandler implements IQueryHandler<GetCallingKeyQuery, Versioned<KeyView>> {
  constructor(private readonly reader: KeyReader) {}

  async execute({ principal }: GetCallingKeyQuery): Promise<Versioned<KeyView>> {
    if (principal.kind !== 'api_key') {
      throw new ApiError(
        403,
        'api_key_required',
        'GET /api/v1/key describes the calling API key; a session token has none (use GET /api/v1/keys).',
      );
    }
    return this.reader.current(principal, principal.key_id);
  }
}
