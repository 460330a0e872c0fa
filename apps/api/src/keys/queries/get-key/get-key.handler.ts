import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { Principal } from '@keyledger/domain';
import { KeyReader, VersionedKey } from '../../key-reader';

export class GetKeyQuery {
  constructor(
    readonly principal: Principal,
    readonly idOrHash: string,
  ) {}
}

/** One visible key by id or hash, with its ETag; an invisible key is as missing as an absent one. */
@QueryHandler(GetKeyQuery)
export class GetKeyHandler implements IQueryHandler<GetKeyQuery, VersionedKey> {
  constructor(private readonly reader: KeyReader) {}

  execute({ principal, idOrHash }: GetKeyQuery): Promise<VersionedKey> {
    return this.reader.current(principal, idOrHash);
  }
}
