import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { Principal } from '@keyledger/domain';
import { Versioned } from '../../../shared/writes/write-result';
import { KeyReader } from '../../key-reader';
import { KeyView } from '../../key-view';

export class GetKeyQuery {
  constructor(
    readonly principal: Principal,
    readonly idOrHash: string,
  ) {}
}

/** One visible key by id or hash, with its ETag; an invisible key is as missing as an absent one. */
@QueryHandler(GetKeyQuery)
export class GetKeyHandler implements IQueryHandler<GetKeyQuery, Versioned<KeyView>> {
  constructor(private readonly reader: KeyReader) {}

  execute({ principal, idOrHash }: GetKeyQuery): Promise<Versioned<KeyView>> {
    return this.reader.current(principal, idOrHash);
  }
}
